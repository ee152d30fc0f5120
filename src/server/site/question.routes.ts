import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Api } from '../http/types.ts';
import { QuestionForm } from '../modules/publishing/index.ts';
import { AppError, errorMessage } from '../platform/errors.ts';
import type { SiteKit } from './kit.ts';
import type { FormState } from './pages.ts';
import { questionFormBody } from './pages.ts';
import { HTML } from './server-rendered.ts';

/** The question form: five per address per 10 minutes. */
export const QUESTION_RATE_LIMIT = { max: 5, timeWindow: '10 minutes' } as const;

const QUESTION_FIELD_LABELS: Record<string, string> = { sectionId: 'Lĩnh vực', name: 'Họ và tên', email: 'Thư điện tử', question: 'Nội dung câu hỏi' };

function str(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, 5000) : '';
}

/** Citizens' questions: the form (never cached: it carries a signed time) and its submission. */
export function registerQuestionRoutes(site: Api, { deps, portal, html }: SiteKit): void {
  const questionForm = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status: number) => {
    const [sections, token] = await Promise.all([portal.sections(), portal.formToken()]);
    const r = await html(
      deps.publicUrl.forRequest(req),
      {
        title: 'Gửi câu hỏi',
        description: 'Gửi câu hỏi cho cơ quan chức năng',
        path: '/hoi-dap/gui-cau-hoi',
        current: 'hoi-dap',
        body: questionFormBody(sections, token, state),
      },
      status,
    );
    // The form carries a signed time: never shared through a cache.
    return reply.status(status).type(HTML).header('cache-control', 'no-store').send(r.body);
  };
  site.get('/hoi-dap/gui-cau-hoi', async (req, reply) => questionForm(req, reply, {}, 200));
  site.post('/hoi-dap/gui-cau-hoi', { config: { rateLimit: QUESTION_RATE_LIMIT } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = { sectionId: str(body.sectionId), name: str(body.name), email: str(body.email), question: str(body.question) };
    const parsed = QuestionForm.safeParse(body);
    if (!parsed.success) {
      const errors = [...new Set(parsed.error.issues.map((i) => `${QUESTION_FIELD_LABELS[String(i.path[0])] ?? 'Biểu mẫu'}: chưa hợp lệ`))];
      return questionForm(req, reply, { values, errors }, 400);
    }
    try {
      await portal.submitQuestion(parsed.data, { ip: req.ip });
    } catch (err) {
      if (err instanceof AppError && err.code === 'FORM_REJECTED') return questionForm(req, reply, { values, errors: [errorMessage('FORM_REJECTED', 'vi')] }, 400);
      throw err;
    }
    return reply.status(303).header('location', '/hoi-dap/da-gui').send();
  });
}
