// Client of a case's actions (confirmation requests, the police hand-off, the press request, their answers), its
// public correction and the unit's legal bases. Every response is checked against the shared contract.
import { z } from 'zod';
import { queryString, requestParsed } from '../../api.ts';
import { RumorCaseDetailEnvelope, RumorLegalBaseListOut, RumorLegalBaseOut } from '../../../shared/contracts/rumors.ts';
import type {
  RumorCaseDetail,
  RumorConfirmationInput,
  RumorCorrectionInput,
  RumorLegalBaseCreateInput,
  RumorLegalBaseUpdateInput,
  RumorPoliceInput,
  RumorPressInput,
} from '../../../shared/contracts/rumors.ts';
import { enc } from './rumors-api.ts';

export { RUMOR_CONFIRMATION_VIA } from '../../../shared/contracts/rumors.ts';
export type { RumorConfirmationVia, RumorCorrectionView, RumorLegalBaseView } from '../../../shared/contracts/rumors.ts';

// No Idempotency-Key on these calls: the routes do not read one (yet); the buttons are disabled while a call runs.
async function caseCall(path: string, body: unknown): Promise<RumorCaseDetail> {
  return (await requestParsed(RumorCaseDetailEnvelope, 'POST', path, body)).case;
}

export const requestConfirmation = (id: string, body: z.input<typeof RumorConfirmationInput>) => caseCall(`/api/rumors/cases/${enc(id)}/actions/confirmation`, body);
export const handToPolice = (id: string, body: z.input<typeof RumorPoliceInput>) => caseCall(`/api/rumors/cases/${enc(id)}/actions/police`, body);
export const requestPress = (id: string, body: z.input<typeof RumorPressInput>) => caseCall(`/api/rumors/cases/${enc(id)}/actions/press`, body);
export const recordAnswer = (id: string, actionId: string, response: string) => caseCall(`/api/rumors/cases/${enc(id)}/actions/${enc(actionId)}/answer`, { response });
export const publishCorrection = (id: string, body: z.input<typeof RumorCorrectionInput>) => caseCall(`/api/rumors/cases/${enc(id)}/correction`, body);

export const listLegalBases = (unitId: string) => requestParsed(RumorLegalBaseListOut, 'GET', `/api/rumors/legal-bases${queryString({ unitId })}`);

const BasisOut = z.object({ item: RumorLegalBaseOut });
export const createLegalBasis = async (body: z.input<typeof RumorLegalBaseCreateInput>) => (await requestParsed(BasisOut, 'POST', '/api/rumors/legal-bases', body)).item;
export const updateLegalBasis = async (id: string, body: z.input<typeof RumorLegalBaseUpdateInput>) =>
  (await requestParsed(BasisOut, 'PATCH', `/api/rumors/legal-bases/${enc(id)}`, body)).item;
