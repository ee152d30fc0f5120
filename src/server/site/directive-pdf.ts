import type { FastifyReply, FastifyRequest } from 'fastify';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import type { DirectivesService } from '../modules/directives/index.ts';
import { AppError } from '../platform/errors.ts';

/** How many rendered PDFs are kept in memory (the oldest goes first). */
const MAX_PDFS = 50;

/**
 * The PDF of a public directive (/van-ban/:id.pdf), rendered once per directive and last change
 * (a render costs far more than a page) and kept until a directive changes publicly.
 */
export function createDirectivePdfs(directives: Pick<DirectivesService, 'getPublicDirective' | 'renderDirective'> | undefined, cacheControl: string) {
  const pdfs = new Map<string, Promise<Buffer>>();
  return {
    clear: () => pdfs.clear(),
    async serve(req: FastifyRequest, reply: FastifyReply, id: string, isUuid: boolean) {
      const d = isUuid && directives ? await directives.getPublicDirective(id) : null;
      // Only an issued directive is downloadable: a revoked one keeps its page, not its file.
      if (!d || d.status !== 'issued' || !directives) throw new AppError('NOT_FOUND');
      const etag = `"pdf-${d.id}-${Date.parse(d.updatedAt)}"`;
      void reply
        .header('etag', etag)
        .header('cache-control', cacheControl)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${d.docType}-${d.fullSymbol.replace(/[^\p{L}\p{N}-]+/gu, '_')}.pdf`)}`);
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
      let job = pdfs.get(etag);
      if (!job) {
        job = directives.renderDirective(SYSTEM_ACTOR, d.id, 'pdf').then((r) => Buffer.from(r.body));
        pdfs.set(etag, job);
        job.catch(() => pdfs.delete(etag));
        while (pdfs.size > MAX_PDFS) {
          const oldest = pdfs.keys().next().value;
          if (oldest === undefined) break;
          pdfs.delete(oldest);
        }
      }
      return reply.type('application/pdf').send(await job);
    },
  };
}
