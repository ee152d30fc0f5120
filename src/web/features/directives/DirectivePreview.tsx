// Live HTML/CSS imitation of the first page of a directive in the Decree 30
// layout (the server renders the same model to PDF/DOCX). Document text is
// always Vietnamese, whatever the UI language.
import type { ReactNode } from 'react';
import type { Block, Run } from './directives-api.ts';
import { useI18n } from '../../app/i18n-context.tsx';
import { ccLines, numberLine, placeAndDate, punctuate, signerLines, subjectText, upper, URGENCY_MARKS, type DocView } from './doc-view.ts';
import './doc-preview.css';
import { directiveStrings } from './strings.ts';

function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: ReactNode = r.text;
        if (r.italic) node = <em>{node}</em>;
        if (r.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function Blocks({ blocks, prefix }: { blocks: readonly Block[]; prefix?: string }) {
  return (
    <>
      {blocks.map((b, i) => {
        const lead = i === 0 && prefix ? `${prefix} ` : '';
        if (b.kind === 'paragraph')
          return (
            <p key={i}>
              {lead}
              <Runs runs={b.runs} />
            </p>
          );
        return b.items.map((item, j) => (
          <p key={`${i}-${j}`}>
            {j === 0 ? lead : ''}- <Runs runs={item} />
          </p>
        ));
      })}
    </>
  );
}

function Body({ view }: { view: DocView }) {
  const { body, legalBases } = view;
  return (
    <div className="loa-doc-body">
      {legalBases.map((l, i) => (
        <p key={`lb${i}`} className="i">
          {l}
        </p>
      ))}
      <Blocks blocks={body.opening} />
      {body.sections.map((s, i) => {
        const number = s.number ? `${s.number}.` : '';
        const headingText = s.heading ? null : s.addressees.join(', ');
        const hasHead = !!s.heading || !!headingText;
        return (
          <div key={i}>
            {hasHead && (
              <p className="b">
                {number ? `${number} ` : ''}
                {s.heading ? <Runs runs={s.heading} /> : headingText}
              </p>
            )}
            {/* No heading: the number leads the first paragraph ("1. Đẩy mạnh ..."). */}
            <Blocks blocks={s.blocks} {...(!hasHead && number ? { prefix: number } : {})} />
            {!hasHead && number && s.blocks.length === 0 && <p>{number}</p>}
          </div>
        );
      })}
      <Blocks blocks={body.closing} />
    </div>
  );
}

function Addressees({ names }: { names: string[] }) {
  const items = punctuate(names);
  if (items.length === 0) return null;
  if (items.length === 1)
    return (
      <p className="loa-doc-kg" data-testid="doc-addressees">
        Kính gửi: {items[0]!.replace(/^- /, '').replace(/\.$/, '')}
      </p>
    );
  return (
    <div className="loa-doc-kg-multi" data-testid="doc-addressees">
      <p className="head">Kính gửi:</p>
      <span className="spacer" aria-hidden>
        Kính gửi
      </span>
      <div>
        {items.map((x, i) => (
          <p key={i} className="item">
            {x}
          </p>
        ))}
      </div>
    </div>
  );
}

export function DirectivePreview({ view }: { view: DocView }) {
  const { lang } = useI18n();
  const S = directiveStrings(lang);
  const congVan = view.docType === 'CV';
  const about = subjectText(view.subject);
  const urgency = view.urgency ? (URGENCY_MARKS[view.urgency] ?? upper(view.urgency)) : null;
  const signer = signerLines(view.signer);
  const ph = (s: string) => <span className="loa-doc-placeholder">{s}</span>;

  return (
    <div className="loa-doc-frame">
      <article className="loa-doc" aria-label={S.previewLabel} data-testid="doc-preview" lang="vi">
        {view.draft && <div className="loa-doc-margin">DỰ THẢO</div>}
        <div className="loa-doc-row">
          <div>
            {view.issuerParent && (
              <p className="s13" data-testid="doc-issuer-parent">
                {upper(view.issuerParent)}
              </p>
            )}
            <p className="s13 b">
              <span className="loa-doc-ruled-short" data-testid="doc-issuer">
                {view.issuer ? upper(view.issuer) : ph('TÊN CƠ QUAN BAN HÀNH')}
              </span>
            </p>
          </div>
          <div>
            <p className="b nowrap loa-doc-national" data-testid="doc-national">
              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            </p>
            <p className="s13 b">
              <span className="loa-doc-ruled">Độc lập - Tự do - Hạnh phúc</span>
            </p>
          </div>
        </div>
        <div className="loa-doc-row">
          <div>
            <p className="s13" data-testid="doc-number">
              {numberLine(view.number, view.symbol)}
            </p>
            {congVan && (
              <p className="s12 loa-doc-vv" data-testid="doc-subject">
                V/v {about || ph('trích yếu nội dung')}
              </p>
            )}
            {urgency && <div className="loa-doc-stamp">{urgency}</div>}
          </div>
          <div>
            <p className="s13 i" data-testid="doc-date">
              {placeAndDate(view.place, view.date)}
            </p>
          </div>
        </div>
        {!congVan && (
          <div className="loa-doc-title">
            <p className="s14 b">{upper(view.docTypeName || view.docType)}</p>
            <p className="s14 b">
              <span className="loa-doc-ruled-short">{about || ph('trích yếu nội dung')}</span>
            </p>
          </div>
        )}
        <Addressees names={view.addressees} />
        <Body view={view} />
        <div className="loa-doc-row loa-doc-closing">
          <div className="loa-doc-cc">
            <p className="s12 b i">Nơi nhận:</p>
            {ccLines(view.cc, view.archive).map((l, i) => (
              <p key={i} className="s11">
                {l}
              </p>
            ))}
          </div>
          <div>
            {signer.map((l, i) => (
              <p key={i} className="s14 b">
                {l}
              </p>
            ))}
            <p className="s14 b loa-doc-signature" data-testid="doc-signer">
              {view.signer.name ?? ph('Họ và tên')}
            </p>
          </div>
        </div>
      </article>
    </div>
  );
}
