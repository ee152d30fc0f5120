// Client of the units API (/api/units). Shapes are the shared contract (src/shared/contracts/units.ts);
// every response is checked against it. Pure module: no React, no DOM access at import time.
import { z } from 'zod';
import { queryString, requestParsed } from '../../api.ts';
import { ContactsOut, UnitDetailOut, UnitListOut, UnitOut, UnitSearchOut } from '../../../shared/contracts/units.ts';
import type { Contacts, SearchEditions, Unit, UnitDetail, UnitSearchHit } from '../../../shared/contracts/units.ts';

export type { Contacts, HistoryRef as UnitHistoryRef, SearchEditions, Unit, UnitDetail, UnitSearchHit } from '../../../shared/contracts/units.ts';

const enc = encodeURIComponent;

export async function getRootUnits(at: string): Promise<Unit[]> {
  return (await requestParsed(UnitListOut, 'GET', `/api/units/roots${queryString({ at })}`)).items;
}

export function getUnit(id: string): Promise<UnitDetail> {
  return requestParsed(UnitDetailOut, 'GET', `/api/units/${enc(id)}`);
}

export async function getUnitChildren(id: string, at: string): Promise<Unit[]> {
  return (await requestParsed(UnitListOut, 'GET', `/api/units/${enc(id)}/children${queryString({ at })}`)).items;
}

export async function searchUnits(q: string, at: string, limit = 20, editions: SearchEditions = 'current'): Promise<UnitSearchHit[]> {
  return (await requestParsed(UnitSearchOut, 'GET', `/api/units/search${queryString({ q, at, limit, editions })}`)).items;
}

export interface NewUnit {
  parentId: string;
  name: string;
  kind: string;
  code?: string;
}

export async function createUnit(input: NewUnit): Promise<Unit> {
  return (await requestParsed(z.object({ unit: UnitOut }), 'POST', '/api/units', input)).unit;
}

export async function updateContacts(id: string, contacts: Contacts): Promise<Contacts> {
  return (await requestParsed(z.object({ contacts: ContactsOut }), 'PUT', `/api/units/${enc(id)}/contacts`, contacts)).contacts;
}
