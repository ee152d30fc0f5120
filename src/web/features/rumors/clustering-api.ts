// Client of the desk's clustering: similar cases (and why), merge, split, how a case spread.
import { requestParsed } from '../../api.ts';
import { RumorMergeOut, RumorSimilarOut, RumorSplitOut, RumorSpreadOut } from '../../../shared/contracts/rumors-clustering.ts';
import { enc } from './rumors-api.ts';

export { RUMOR_CLUSTER_LIMITS, RUMOR_MATCH_LABELS } from '../../../shared/contracts/rumors-clustering.ts';
export type { RumorSimilarCase, RumorSpreadView } from '../../../shared/contracts/rumors-clustering.ts';

export const similarCases = async (id: string) => (await requestParsed(RumorSimilarOut, 'GET', `/api/rumors/cases/${enc(id)}/similar`)).similar;
export const caseSpread = (id: string) => requestParsed(RumorSpreadOut, 'GET', `/api/rumors/cases/${enc(id)}/spread`);
export const mergeCases = (id: string, fromCaseIds: string[]) => requestParsed(RumorMergeOut, 'POST', `/api/rumors/cases/${enc(id)}/merge`, { fromCaseIds });
export const splitReports = (id: string, reportIds: string[], title: string) => requestParsed(RumorSplitOut, 'POST', `/api/rumors/cases/${enc(id)}/split`, { reportIds, title });
