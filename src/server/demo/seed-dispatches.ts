import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Container } from '../container.ts';
import { SYSTEM_ACTOR } from '../modules/access/index.ts';
import type { Actor } from '../modules/access/index.ts';
import { CreateDirectiveBody } from '../modules/directives/index.ts';
import { directiveFieldsFromParsed, matchDispatch, parseDispatch } from '../modules/imports/index.ts';

const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/seeds');

/**
 * Which office issued each seed dispatch (read from its symbol, place and body: STTTT = Sở TT&TT of
 * the printed province, VHTT = Phòng VH-TT of Tam Đường), as keys of the offices seedDemo created.
 */
export const SEED_ISSUERS = {
  '000': 'sttt-12', // Lai Châu, /STTTT-TTBCXB
  '001': 'sttt-38', // Thanh Hoá, /STTTT-BCXB
  '002': 'pvhtt', // Tam Đường, /VHTT (Tết Tân Sửu 2021, weekly report)
  '003': 'pvhtt', // Tam Đường, /VHTT-TT&TT
  '004': 'sttt-20', // Lạng Sơn, /STTTT-TTBCXB
} as const;

/**
 * The five seed công văn as directives of their issuing offices, addressed to the recipient groups
 * the matcher finds among the issuer's groups. A dispatch with a printed number and full date is
 * taken through the workflow and issued with that number (so it reaches the recipients' inboxes);
 * one whose number is blank (all five as published) stays a draft in the issuer's register.
 * Written by `authorUserId` acting as drafter, approver and clerk of each office.
 */
export async function seedDemoDispatches(
  c: Container,
  offices: Record<string, string>,
  authorUserId: string,
  readSeed: (seed: string) => Promise<string> = (seed) => readFile(path.join(SEEDS_DIR, `${seed}.txt`), 'utf8'),
): Promise<{ drafts: number; issued: number }> {
  const { directives, groups } = c.services;
  let drafts = 0;
  let issued = 0;
  for (const [seed, key] of Object.entries(SEED_ISSUERS)) {
    const issuerId = offices[key];
    const issuer = issuerId ? await c.services.units.lookup.byId(issuerId) : undefined;
    if (!issuer) continue;
    const parsed = parseDispatch(await readSeed(seed));
    const actor: Actor = { ...SYSTEM_ACTOR, userId: authorUserId, displayName: 'Dữ liệu mẫu', unitId: issuer.id, unitPath: issuer.path, roles: ['drafter', 'approver', 'clerk'] };
    const owned = await groups.listGroups(SYSTEM_ACTOR, issuer.id);
    const match = matchDispatch(parsed, [], owned);
    const groupIds = [...new Set([...match.recipients, ...match.addressees].flatMap((m) => (m.target?.type === 'group' ? [m.target.id] : [])))];
    const fields = directiveFieldsFromParsed(parsed);
    const number = parsed.number && /^\d{1,6}$/.test(parsed.number) ? Number(parsed.number) : null;
    const date = parsed.date && /^\d{4}-\d{2}-\d{2}$/.test(parsed.date) ? parsed.date : null;
    const input = CreateDirectiveBody.parse({
      ...fields,
      issuerUnitId: issuer.id,
      issuer: fields.issuer ?? issuer.name,
      recipients: { units: [], groups: groupIds },
      // A seed that ends up issued is published on the portal (/van-ban).
      public: number !== null && date !== null && groupIds.length > 0,
    });
    const created = await directives.createDirective(actor, input);
    if (number === null || date === null || groupIds.length === 0) {
      drafts++;
      continue;
    }
    await directives.submitDirective(actor, created.id);
    await directives.approveDirective(actor, created.id);
    await directives.signDirective(actor, created.id);
    await directives.issueDirective(actor, created.id, { number, date });
    issued++;
  }
  return { drafts, issued };
}

/**
 * DEMO ONLY: the five seeds are published with their numbers blank, so they stay drafts and
 * /van-ban would be empty on a fresh start. This issues one publicly listed copy of seed 000
 * (Sở TT&TT Lai Châu) with a MADE-UP number and date (15/STTTT-TTBCXB, 07/02/2020): not a real
 * register entry of that office.
 */
export async function seedPublicDemoDirective(c: Container, offices: Record<string, string>, authorUserId: string): Promise<{ drafts: number; issued: number }> {
  const laiChau = offices['sttt-12'];
  if (!laiChau) return { drafts: 0, issued: 0 };
  const text = await readFile(path.join(SEEDS_DIR, '000.txt'), 'utf8');
  const demo = text.replace(/Số:\s*\/STTTT-TTBCXB/, 'Số: 15/STTTT-TTBCXB').replace(/ngày\s+tháng 02 năm 2020/, 'ngày 07 tháng 02 năm 2020');
  return seedDemoDispatches(c, { 'sttt-12': laiChau }, authorUserId, async () => demo);
}
