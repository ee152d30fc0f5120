// Client of the desk's intake: staff entry of a report (JSON, or multipart with a file), the report's stored file
// and a desk lead's reveal of an informant (a reason required, audited). Every response is checked.
import { requestForm, requestParsed } from '../../api.ts';
import { RevealOut, RumorReportCreatedOut } from '../../../shared/contracts/rumors-intake.ts';
import type { RevealedIdentityView } from '../../../shared/contracts/rumors.ts';
import type { RumorReportCreated } from '../../../shared/contracts/rumors-intake.ts';
import { enc } from './rumors-api.ts';

export { RUMOR_FILE_MIME, RUMOR_FILE_TYPES, splitLinks } from '../../../shared/contracts/rumors-intake.ts';
export type { RumorReportCreated } from '../../../shared/contracts/rumors-intake.ts';

export interface StaffReportDraft {
  description: string;
  urls: string[];
  /** ISO with offset. */
  seenAt?: string | undefined;
  caseId?: string | undefined;
  informant?: { name?: string; phone?: string; email?: string; socialId?: string } | undefined;
  file?: File | null | undefined;
}

export async function fileStaffReport(d: StaffReportDraft): Promise<RumorReportCreated> {
  if (!d.file) {
    const { file: _file, ...json } = d;
    return requestParsed(RumorReportCreatedOut, 'POST', '/api/rumors/reports', json);
  }
  const form = new FormData();
  form.set('description', d.description);
  form.set('urls', d.urls.join('\n'));
  if (d.seenAt) form.set('seenAt', d.seenAt);
  if (d.caseId) form.set('caseId', d.caseId);
  const i = d.informant ?? {};
  if (i.name) form.set('informantName', i.name);
  if (i.phone) form.set('informantPhone', i.phone);
  if (i.email) form.set('informantEmail', i.email);
  if (i.socialId) form.set('informantSocialId', i.socialId);
  // Files last: the server reads the fields before the stream.
  form.set('file', d.file, d.file.name);
  return requestForm(RumorReportCreatedOut, '/api/rumors/reports', form);
}

export const reportFileUrl = (reportId: string) => `/api/rumors/reports/${enc(reportId)}/file`;

export async function revealInformant(reportId: string, reason: string): Promise<RevealedIdentityView> {
  return (await requestParsed(RevealOut, 'POST', `/api/rumors/reports/${enc(reportId)}/reveal`, { reason })).identity;
}
