/**
 * The submission page for reporters on a phone: /bao-cao/:taskId. Plain server-rendered HTML form,
 * no JavaScript, on the site's server-rendered toolkit (site/server-rendered.ts): its document shell
 * and escaping, the page session from the cookie (outside /api), the CSRF field every POST carries,
 * and errors as pages through the one catalogue. Each POST also carries a random idempotency key so a
 * double tap or a resent form never makes a second revision. The task is loaded once per request.
 */
import { randomUUID } from 'node:crypto';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { markRoutesPublic } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { AppError, errorMessage, errorStatus } from '../../platform/errors.ts';
import { checkFormCsrf, csrfInput, esc, htmlDocument, installErrorPages, pageSession, sendPage } from '../../site/server-rendered.ts';
import type { PageSession } from '../../site/server-rendered.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import type { UsersService } from '../users/index.ts';
import type { SubmissionView, TasksService } from './tasks.service.ts';
import { CHANNELS, CHANNEL_LABELS, PREFILL_SOURCE_LABEL } from './tasks.schemas.ts';
import type { Channel, Indicator, ReportPrefillView } from './tasks.schemas.ts';

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fafafa}
header{background:#a50e0e;color:#fff;padding:12px 16px}header h1{font-size:1.1rem;margin:0}main{max-width:640px;margin:0 auto;padding:16px}
label{display:block;font-weight:600;margin:14px 0 4px}input,select,textarea{width:100%;font:inherit;padding:10px;border:1px solid #888;border-radius:6px;background:#fff}
fieldset{border:1px solid #ccc;border-radius:6px;margin:14px 0;padding:8px 12px}legend{font-weight:600}fieldset label{font-weight:400;margin:8px 0 2px}
.radio{display:flex;gap:16px}.radio label{font-weight:400;display:flex;gap:6px;align-items:center}.radio input{width:auto}
button{margin-top:20px;width:100%;padding:14px;font:inherit;font-weight:700;color:#fff;background:#0b4f9c;border:0;border-radius:6px}
.src{display:block;font-weight:400;font-size:.9rem;color:#0b4f9c}.err{color:#a50e0e}.ok{background:#e6f4ea;border:1px solid #2e7d32;padding:10px;border-radius:6px}.warn{background:#fff3cd;padding:10px;border-radius:6px}
:focus{outline:3px solid #f2a900;outline-offset:2px}`;

/** The report page in the site's document shell, with its own form styles; never indexed. */
function page(title: string, body: string): string {
  return htmlDocument({ title, head: '<meta name="robots" content="noindex">', css: CSS, body: `<header><h1>${esc(title)}</h1></header><main id="noi-dung">${body}</main>` });
}

function vnTime(iso: string): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );
}

type FormValues = Record<string, unknown>;

/** A form value as text ('' for anything that is not a scalar). */
function str(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** The mark of a figure prefilled from the play logs, with the logs' value ('' when none). */
function prefillMark(p: ReportPrefillView['values'][string] | undefined): string {
  if (p === undefined) return '';
  const shown =
    typeof p === 'number'
      ? String(p)
      : Object.entries(p.channels)
          .map(([ch, v]) => `${CHANNEL_LABELS[ch as Channel]} ${v}`)
          .join('; ');
  return `<span class="src">${esc(`(${PREFILL_SOURCE_LABEL}: ${shown})`)}</span>`;
}

function field(ind: Indicator, values: FormValues, errors: Map<string, string>, prefill?: ReportPrefillView['values'][string]): string {
  const id = `f_${ind.key}`;
  const v = values[ind.key];
  const err = errors.get(ind.key);
  const errHtml = err ? `<p class="err" id="${id}_err">${esc(err)}</p>` : '';
  const described = err ? ` aria-invalid="true" aria-describedby="${id}_err"` : '';
  const req = ind.required ? ' required' : '';
  const label = `${esc(ind.label)}${ind.unit ? ` (${esc(ind.unit)})` : ''}${ind.required ? ' *' : ''}${prefillMark(prefill)}`;
  const numAttrs = (t: Indicator['type']) =>
    t === 'percent'
      ? 'min="0" max="100" step="0.01" inputmode="decimal"'
      : t === 'duration_minutes'
        ? 'min="0" step="0.01" inputmode="decimal"'
        : 'min="0" step="1" inputmode="numeric"';
  if (ind.byChannel) {
    const obj = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
    const channels = obj.channels && typeof obj.channels === 'object' ? (obj.channels as Record<string, unknown>) : obj;
    return `<fieldset><legend>${label}</legend>${errHtml}${CHANNELS.map(
      (ch) =>
        `<label for="${id}_${ch}">${esc(CHANNEL_LABELS[ch])}</label><input type="number" ${numAttrs(ind.type)} id="${id}_${ch}" name="${ind.key}.${ch}" value="${esc(str(channels[ch]))}">`,
    ).join('')}</fieldset>`;
  }
  switch (ind.type) {
    case 'yes_no': {
      const yes = v === true || v === 'yes';
      const no = v === false || v === 'no';
      return `<fieldset><legend>${label}</legend>${errHtml}<div class="radio"><label><input type="radio" name="${ind.key}" value="yes"${yes ? ' checked' : ''}${req}> Có</label><label><input type="radio" name="${ind.key}" value="no"${no ? ' checked' : ''}> Không</label></div></fieldset>`;
    }
    case 'text':
      return `<label for="${id}">${label}</label>${errHtml}<textarea id="${id}" name="${ind.key}" rows="3"${req}${described}>${esc(str(v))}</textarea>`;
    case 'url':
      return `<label for="${id}">${label}</label>${errHtml}<input type="url" id="${id}" name="${ind.key}" value="${esc(str(v))}"${req}${described}>`;
    case 'choice':
      return `<label for="${id}">${label}</label>${errHtml}<select id="${id}" name="${ind.key}"${req}${described}><option value="">— Chọn —</option>${(ind.options ?? [])
        .map((o) => `<option${o === v ? ' selected' : ''}>${esc(o)}</option>`)
        .join('')}</select>`;
    case 'count':
    case 'people':
    case 'duration_minutes':
    case 'percent':
      return `<label for="${id}">${label}</label>${errHtml}<input type="number" ${numAttrs(ind.type)} id="${id}" name="${ind.key}" value="${esc(str(v))}"${req}${described}>`;
  }
}

/** Form fields → the values object of the API ("key.channel" fields become a per-channel object). */
export function valuesFromForm(indicators: readonly Indicator[], body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const ind of indicators) {
    if (ind.byChannel) {
      const channels: Record<string, string> = {};
      for (const ch of CHANNELS) {
        const v = body[`${ind.key}.${ch}`];
        if (typeof v === 'string' && v.trim() !== '') channels[ch] = v;
      }
      if (Object.keys(channels).length) out[ind.key] = channels;
      continue;
    }
    const v = body[ind.key];
    if (typeof v === 'string' && v.trim() !== '') out[ind.key] = v;
  }
  return out;
}

const Params = z.object({ taskId: z.uuid() });
/** Errors that end the page (who may do what), rather than a refusal shown in the form. */
const REFUSE_AS_PAGE: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CSRF_INVALID', 'TASK_HAS_NO_FORM']);
const Query = z.object({ ky: z.iso.date().optional(), don_vi: z.uuid().optional() });

export async function registerReportPageRoutes(app: Api, deps: { tasks: TasksService; users: UsersService }): Promise<void> {
  type Detail = Awaited<ReturnType<TasksService['getTask']>>;
  type PeriodChoice = { key: string; label: string; late: boolean };

  /** The periods the page offers: the open one, and the last closed one as a late submission. */
  function periodChoices(detail: Detail, requested: string | undefined): PeriodChoice[] {
    const out: PeriodChoice[] = [];
    if (detail.currentPeriod) out.push({ key: detail.currentPeriod.key, label: detail.currentPeriod.label, late: false });
    if (detail.previousPeriod) out.push({ key: detail.previousPeriod.key, label: `${detail.previousPeriod.label} — nộp muộn`, late: true });
    // A link from a reminder names its period; an older one is offered as it is.
    if (requested && !out.some((c) => c.key === requested)) out.push({ key: requested, label: `Kỳ có hạn ngày ${requested.split('-').reverse().join('/')}`, late: true });
    return out;
  }

  function openState(detail: Detail): string {
    if (detail.currentPeriod) return `<p>Kỳ đang mở: <strong>${esc(detail.currentPeriod.label)}</strong>.</p>`;
    const next = detail.nextOpening
      ? ` Kỳ tiếp theo mở lúc ${esc(detail.nextOpening.text)}: ${esc(detail.nextOpening.period.label)}.`
      : ' Nhiệm vụ không còn kỳ báo cáo nào sắp tới.';
    const late = detail.previousPeriod ? ` Vẫn có thể gửi muộn cho kỳ ${esc(detail.previousPeriod.label)}.` : '';
    return `<p class="warn" role="status">Hiện không có kỳ báo cáo nào đang mở.${next}${late}</p>`;
  }

  /** The play-log prefill, or null where the reader may not see it or the period is not the task's. */
  async function prefillOf(actor: Actor, taskId: string, unitId: string, period: string): Promise<ReportPrefillView | null> {
    try {
      return await deps.tasks.readPrefill(actor, taskId, unitId, period);
    } catch (err) {
      if (err instanceof AppError && ['NOT_FOUND', 'REPORT_PERIOD_INVALID', 'TASK_NOT_ASSIGNED'].includes(err.code)) return null;
      throw err;
    }
  }

  const fieldError = (id: string, err: string | undefined) => (err ? `<p class="err" id="${id}_err">${esc(err)}</p>` : '');
  const describedBy = (id: string, err: string | undefined) => (err ? ` aria-invalid="true" aria-describedby="${id}_err"` : '');

  async function render(
    reply: FastifyReply,
    s: PageSession<Actor>,
    detail: Detail,
    q: { ky?: string | undefined; don_vi?: string | undefined },
    extra: { values?: FormValues; issues?: FieldIssue[]; problem?: string; saved?: SubmissionView; status?: number } = {},
  ) {
    const taskId = detail.task.id;
    if (!detail.reportForm) throw new AppError('TASK_HAS_NO_FORM');
    const mine = detail.assignees.find((u) => u.id === s.actor.unitId);
    const unitId = q.don_vi ?? mine?.id ?? detail.assignees[0]?.id;
    if (!unitId) throw new AppError('NOT_FOUND');
    const choices = periodChoices(detail, q.ky);
    const period = q.ky ?? choices[0]?.key;
    const choice = choices.find((c) => c.key === period);
    let values = extra.values;
    let status = '';
    // What the unit's devices played in the period: the figures start from it, each marked.
    const prefill = period ? await prefillOf(s.actor, taskId, unitId, period) : null;
    if (period && !values) {
      try {
        const existing = await deps.tasks.getSubmission(s.actor, taskId, unitId, period);
        values = existing.submission.values;
        const locked = choice?.late ?? false;
        status = `<p class="ok">Đã gửi lần ${existing.submission.revision} lúc ${esc(vnTime(existing.submission.updatedAt))}${existing.submission.late ? ' (nộp muộn)' : ''}. ${locked ? 'Đã quá hạn, báo cáo không thể sửa.' : 'Có thể sửa đến hạn báo cáo.'}</p>`;
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
        if (prefill && Object.keys(prefill.values).length) values = prefill.values;
      }
    }
    const fromLogs =
      prefill && Object.keys(prefill.values).length
        ? `<p class="ok" role="note">Các số liệu đánh dấu “${esc(PREFILL_SOURCE_LABEL)}” lấy từ nhật ký phát của các cụm loa, bảng tin điện tử trong kỳ. Vui lòng kiểm tra, xác nhận hoặc sửa lại cho đúng.</p>`
        : '';
    const notice = extra.saved
      ? `<p class="ok" role="status">Đã gửi báo cáo kỳ ${esc(choice?.label.replace(/ — nộp muộn$/, '') ?? extra.saved.period)} (lần ${extra.saved.revision}) lúc ${esc(vnTime(extra.saved.updatedAt))}${extra.saved.late ? ' — nộp muộn' : ''}.</p>`
      : status;
    const errors = new Map((extra.issues ?? []).map((i) => [i.path.replace(/^values\./, ''), i.message]));
    const summary = extra.problem ?? (extra.issues?.length ? 'Báo cáo chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.' : null);
    const unitOptions = detail.assignees.map((u) => `<option value="${esc(u.id)}"${u.id === unitId ? ' selected' : ''}>${esc(u.name)}</option>`).join('');
    const periodOptions = choices.map((c) => `<option value="${esc(c.key)}"${c.key === period ? ' selected' : ''}>${esc(c.label)}</option>`).join('');
    const form = choices.length
      ? `<form method="post" action="/bao-cao/${esc(taskId)}" novalidate>
${csrfInput(s)}<input type="hidden" name="_key" value="${randomUUID()}">
<label for="ky">Kỳ báo cáo</label>${fieldError('ky', errors.get('ky'))}<select id="ky" name="ky"${describedBy('ky', errors.get('ky'))}>${periodOptions}</select>
${detail.assignees.length > 1 ? `<label for="don_vi">Đơn vị báo cáo</label>${fieldError('don_vi', errors.get('don_vi'))}<select id="don_vi" name="don_vi"${describedBy('don_vi', errors.get('don_vi'))}>${unitOptions}</select>` : `<input type="hidden" name="don_vi" value="${esc(unitId)}">`}
${fromLogs}${detail.reportForm.indicators.map((i) => field(i, values ?? {}, errors, prefill?.values[i.key])).join('\n')}
<button type="submit">${choice?.late ? 'Gửi báo cáo (nộp muộn)' : 'Gửi báo cáo'}</button></form>`
      : '';
    const body = `<h2>${esc(detail.reportForm.name)}</h2><p>${esc(detail.task.title)}</p>
${openState(detail)}
${notice}${summary ? `<p class="err" role="alert">${esc(summary)}</p>` : ''}
${form}`;
    return sendPage(reply, extra.status ?? 200, page('Gửi báo cáo', body));
  }

  /** Where a refused submission's problem is shown: next to the period or unit field, or above the form. */
  function issuesOf(err: AppError): FieldIssue[] {
    if (err.issues?.length) return err.issues;
    const message = errorMessage(err.code, 'vi', err.params);
    switch (err.code) {
      case 'REPORT_PERIOD_INVALID':
      case 'REPORT_NO_OPEN_PERIOD':
      case 'REPORT_LOCKED':
        return [{ path: 'ky', message }];
      case 'TASK_NOT_ASSIGNED':
        return [{ path: 'don_vi', message }];
      default:
        return [];
    }
  }

  await app.register(async (scope) => {
    // Public to the router: the page resolves the session itself (a missing one redirects to sign-in).
    markRoutesPublic(scope);
    await scope.register(fastifyFormbody, { bodyLimit: 65_536 });

    // Errors end the page: the catalogue's status and text, and the way back to the admin UI.
    installErrorPages(scope, 'report page failed', (_req, e) => page('Báo cáo', `<p class="err" role="alert">${esc(e.message)}</p><p><a href="/admin/">Về trang quản trị</a></p>`));

    scope.get('/bao-cao/:taskId', async (req, reply) => {
      const params = Params.safeParse(req.params);
      const query = Query.safeParse(req.query);
      if (!params.success || !query.success) throw new AppError('NOT_FOUND');
      const s = await pageSession(req, deps.users);
      if (!s) return reply.redirect('/admin/');
      return render(reply, s, await deps.tasks.getTask(s.actor, params.data.taskId), query.data);
    });

    scope.post('/bao-cao/:taskId', async (req, reply) => {
      const params = Params.safeParse(req.params);
      if (!params.success) throw new AppError('NOT_FOUND');
      const s = await pageSession(req, deps.users);
      if (!s) throw new AppError('UNAUTHENTICATED');
      const form = (req.body ?? {}) as Record<string, unknown>;
      checkFormCsrf(s, form);
      const q = Query.safeParse({ ky: form.ky || undefined, don_vi: form.don_vi || undefined });
      const key = typeof form._key === 'string' && form._key.length >= 8 ? form._key.slice(0, 200) : undefined;
      const detail = await deps.tasks.getTask(s.actor, params.data.taskId);
      const values = valuesFromForm(detail.reportForm?.indicators ?? [], form);
      // A refused submission comes back with the figures as typed and the problem next to its field.
      const refuse = (err: AppError, echo: { ky?: string | undefined; don_vi?: string | undefined }) => {
        const issues = issuesOf(err);
        const problem = err.code === 'REPORT_INVALID' ? undefined : errorMessage(err.code, 'vi', err.params);
        return render(reply, s, detail, echo, { values, issues, status: errorStatus(err.code), ...(problem ? { problem } : {}) });
      };
      if (!q.success) return refuse(new AppError('REPORT_PERIOD_INVALID', { period: str(form.ky) }), {});
      try {
        const result = await deps.tasks.submitReport(s.actor, params.data.taskId, { unitId: q.data.don_vi, period: q.data.ky, values }, key);
        const sub = result.submission;
        return await render(reply, s, detail, { ky: sub.period, don_vi: sub.unitId }, { saved: sub });
      } catch (err) {
        if (err instanceof AppError && !REFUSE_AS_PAGE.has(err.code)) return refuse(err, q.data);
        throw err;
      }
    });
  });
}
