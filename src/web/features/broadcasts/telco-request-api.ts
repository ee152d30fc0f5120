// Client of the telco request endpoints (issue #12 point 7): which routes this Loa offers, a telco's reply
// ("đã nhắn N thuê bao") and the end of the campaign. Responses are checked against the shared contract.
// Pure module: no React, no DOM access at import time.
import { z } from 'zod';
import { requestParsed } from '../../api.ts';
import { BroadcastRoutesOutSchema, BroadcastViewSchema, TelcoResultOutSchema } from '../../../shared/contracts/broadcasts.ts';
import type { BroadcastRoute, BroadcastView, RecordTelcoResultBody, TelcoResult } from '../../../shared/contracts/broadcasts.ts';

export type { BroadcastRoute, RecordTelcoResultBody, TelcoRequest, TelcoResult } from '../../../shared/contracts/broadcasts.ts';
export { BROADCAST_ROUTES } from '../../../shared/contracts/broadcasts.ts';

const enc = encodeURIComponent;
const BroadcastOne = z.object({ broadcast: BroadcastViewSchema }).transform((o) => o.broadcast);

/** Whether Loa has an SMS account, and so the route a new broadcast takes by default. */
export function getBroadcastRoutes(): Promise<{ smsAccount: boolean; defaultRoute: BroadcastRoute }> {
  return requestParsed(BroadcastRoutesOutSchema, 'GET', '/api/broadcasts/routes');
}

export async function recordTelcoResult(id: string, body: RecordTelcoResultBody): Promise<{ result: TelcoResult; broadcast: BroadcastView }> {
  return requestParsed(TelcoResultOutSchema, 'POST', `/api/broadcasts/${enc(id)}/telco-results`, body);
}

/** "Kết thúc": the telco request is done. */
export function finishBroadcast(id: string): Promise<BroadcastView> {
  return requestParsed(BroadcastOne, 'POST', `/api/broadcasts/${enc(id)}/finish`, {});
}

/** The telco units a reply may name: those the công văn went to (its recipients), else none (a name is typed). */
export interface TelcoChoice {
  id: string;
  name: string;
}
