import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from '../http/types.ts';
import { RUMOR_FORM_RATE_LIMIT } from '../modules/rumors/index.ts';
import { AppError, errorMessage, errorStatus } from '../platform/errors.ts';
import { RUMOR_LIMITS } from '../../shared/contracts/rumors.ts';
import { RumorPortalForm } from '../../shared/contracts/rumors-intake.ts';
import type { SiteKit } from './kit.ts';
import { RUMOR_FORM_PATH, rumorFormBody, rumorStatusBody, rumorThanksBody } from './rumor-pages.ts';
import type { RumorFormState } from './rumor-pages.ts';
import { HTML } from './server-rendered.ts';

const TEXT_FIELDS = ['description', 'links', 'name', 'phone', 'email', 'consent', 't', 'website'] as const;
type Fields = Partial<Record<(typeof TEXT_FIELDS)[number], string>>;
const FIELD_LABELS: Record<string, string> = {
  description: 'Nội dung: quá dài (tối đa 4.000 ký tự)',
  links: 'Đường liên kết: quá dài',
  name: 'Họ và tên: quá dài',
  phone: 'Số điện thoại: quá dài',
  email: 'Thư điện tử: quá dài',
};
const CODE_IN_PATH = /^PA-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/**
 * These pages' request log lines carry neither the sender's address nor the reference code (an address beside a
 * code would tie an informant to a report): the method and the route's pattern only.
 */
const PRIVATE_LOG = { logSerializers: { req: (req: FastifyRequest) => ({ method: req.method, url: req.routeOptions.url ?? RUMOR_FORM_PATH }) } };

/** What the form posted: its text fields and the file (read to the end even when too large, so no field is lost). */
async function readForm(req: FastifyRequest): Promise<{ fields: Fields; file: { fileName: string; content: Buffer } | null; tooLarge: boolean }> {
  const fields: Fields = {};
  let file: { fileName: string; content: Buffer } | null = null;
  let tooLarge = false;
  if (!req.isMultipart()) return { fields: {}, file, tooLarge };
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.file.truncated) tooLarge = true;
      else if (part.fieldname === 'file' && content.length > 0) file = { fileName: part.filename, content };
    } else if (typeof part.value === 'string' && (TEXT_FIELDS as readonly string[]).includes(part.fieldname)) fields[part.fieldname as keyof Fields] = part.value.slice(0, 50_000);
  }
  return { fields, file, tooLarge };
}

/**
 * The public report form (/phan-anh-tin-sai; multipart, no script), its thank-you page with the reference code and
 * the status page of a code. Every page here is `no-store`: the form carries a signed time, the others a code.
 */
export async function registerRumorFormRoutes(site: Api, { deps, html, notFound }: SiteKit): Promise<void> {
  const rumors = deps.rumors;
  if (!rumors) return;
  // Pages showing a code send no Referer (the code stays out of other sites' logs). The form page keeps the site's
  // policy: under no-referrer a browser posts the form with "Origin: null", which the origin check refuses.
  const noStore = (reply: FastifyReply, r: { body: string; status?: number }, status: number, o: { form?: boolean } = {}) => {
    if (!o.form) void reply.header('referrer-policy', 'no-referrer');
    return reply.status(status).type(HTML).header('cache-control', 'no-store').send(r.body);
  };

  const form = async (req: FastifyRequest, reply: FastifyReply, state: RumorFormState, status: number) => {
    const settings = await deps.settings.getPortalSettings();
    const r = await html(
      deps.publicUrl.forRequest(req),
      {
        title: 'Phản ánh tin sai sự thật',
        description: 'Gửi cho cơ quan chức năng thông tin thất thiệt, sai sự thật bạn thấy trên mạng xã hội, báo chí, Internet',
        path: RUMOR_FORM_PATH,
        body: rumorFormBody(rumors.formToken(), state, settings.hotline),
      },
      status,
    );
    return noStore(reply, r, status, { form: true });
  };

  site.get(RUMOR_FORM_PATH, PRIVATE_LOG, async (req, reply) => form(req, reply, {}, 200));

  await site.register(async (scope) => {
    // The file is read to its end even past the limit (truncated, then refused): the other fields are never lost.
    await scope.register(fastifyMultipart, { throwFileSizeLimit: false, limits: { fileSize: RUMOR_LIMITS.fileBytes, files: 1, fields: 10, fieldSize: 50_000, parts: 12 } });
    scope.post(RUMOR_FORM_PATH, { ...PRIVATE_LOG, config: { rateLimit: RUMOR_FORM_RATE_LIMIT } }, async (req, reply) => {
      const { fields, file, tooLarge } = await readForm(req);
      const values = {
        description: fields.description ?? '',
        links: fields.links ?? '',
        name: fields.name ?? '',
        phone: fields.phone ?? '',
        email: fields.email ?? '',
        consent: fields.consent === 'yes',
      };
      const again = (errors: string[], status: number) => form(req, reply, { values, errors, fileDropped: file !== null || tooLarge }, status);
      if (tooLarge) return again([errorMessage('RUMOR_FILE_TOO_LARGE', 'vi', { max: RUMOR_LIMITS.fileBytes / 1024 / 1024 })], 413);
      const parsed = RumorPortalForm.safeParse(fields);
      if (!parsed.success) {
        const errors = [
          ...new Set(
            parsed.error.issues.map((i) => {
              const field = String(i.path[0]);
              if (field === 'consent') return errorMessage('RUMOR_NO_CONSENT', 'vi');
              if (field === 't') return errorMessage('RUMOR_FORM_EXPIRED', 'vi');
              return FIELD_LABELS[field] ?? errorMessage('FORM_REJECTED', 'vi');
            }),
          ),
        ];
        return again(errors, 400);
      }
      let code: string;
      try {
        ({ code } = await rumors.submitPortalReport(parsed.data, file, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null }));
      } catch (err) {
        if (err instanceof AppError && errorStatus(err.code) < 500) return again([errorMessage(err.code, 'vi', err.params)], errorStatus(err.code));
        throw err;
      }
      return reply.status(303).header('cache-control', 'no-store').header('location', `${RUMOR_FORM_PATH}/da-nhan/${code}`).send();
    });
  });

  site.get(`${RUMOR_FORM_PATH}/da-nhan/:code`, PRIVATE_LOG, async (req, reply) => {
    const { code } = req.params as { code: string };
    const base = deps.publicUrl.forRequest(req);
    if (!CODE_IN_PATH.test(code)) return noStore(reply, await notFound(base), 404);
    const r = await html(base, { title: 'Đã nhận phản ánh', description: 'Đã nhận phản ánh', path: RUMOR_FORM_PATH, noindex: true, body: rumorThanksBody(code) });
    return noStore(reply, r, 200);
  });

  site.get(`${RUMOR_FORM_PATH}/tra-cuu`, PRIVATE_LOG, async (req, reply) => {
    const ma = (req.query as { ma?: unknown }).ma;
    const raw = typeof ma === 'string' ? ma.slice(0, 40) : '';
    const s = raw ? await rumors.publicStatus(raw) : null;
    if (!s) return noStore(reply, await notFound(deps.publicUrl.forRequest(req)), 404);
    return reply.status(303).header('cache-control', 'no-store').header('location', `${RUMOR_FORM_PATH}/${s.code}`).send();
  });

  site.get(`${RUMOR_FORM_PATH}/:code`, PRIVATE_LOG, async (req, reply) => {
    const { code } = req.params as { code: string };
    const base = deps.publicUrl.forRequest(req);
    const s = code.length <= 40 ? await rumors.publicStatus(code) : null;
    if (!s) return noStore(reply, await notFound(base), 404);
    const r = await html(base, {
      title: `Phản ánh ${s.code}`,
      description: `Tình trạng xử lý phản ánh ${s.code}`,
      path: `${RUMOR_FORM_PATH}/${s.code}`,
      noindex: true,
      body: rumorStatusBody(s),
    });
    return noStore(reply, r, 200);
  });
}
