import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, describeApi, memoryMailer } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { TAM_DUONG, TT_TAM_DUONG, importLaiChau } from '../../../../test/factories.ts';
import { SYSTEM_ACTOR } from '../access/index.ts';
import { buildActors, client, signedDirective } from '../../../../test/builders/directives.ts';
import type { Actors } from '../../../../test/builders/directives.ts';
import { findJobsByIdPrefix } from '../../jobs/jobs.repository.ts';

describeApi('directives: reminders', (kind) => {
  let t: TestContext;
  let x: Actors;
  let call: ReturnType<typeof client>;
  const mailer = memoryMailer();
  const contacts = (emails: string[]) => ({ emails, phones: [], address: null, website: null });
  beforeAll(async () => {
    t = await createTestContext(kind, { mailer });
    await importLaiChau(t.c);
    x = await buildActors(t.c);
    call = client(t.app);
    await t.c.services.units.updateContacts(SYSTEM_ACTOR, TT_TAM_DUONG, contacts(['xa@tamduong.example']));
    await t.c.services.units.updateContacts(SYSTEM_ACTOR, TAM_DUONG, contacts(['huyen@tamduong.example']));
  });
  afterAll(() => t.close());

  async function jobIds(prefix: string): Promise<string[]> {
    return (await findJobsByIdPrefix(t.c.database.db, prefix)).map((x) => x.id).sort();
  }

  it('reminds silent recipients once, then tells the parent unit once, on the hourly schedule', async () => {
    const id = await signedDirective(t.app, x);
    await call(x.clerk, 'POST', `/api/directives/${id}/issue`, {});
    const tracking = await call(x.clerk, 'GET', `/api/directives/${id}/tracking`);
    const total = tracking.body.counts.total as number;
    // The other commune acknowledges at once: it is never reminded.
    const theirs = (await call(x.otherCommuneClerk, 'GET', '/api/inbox')).body.items[0];
    await call(x.otherCommuneClerk, 'POST', `/api/inbox/${theirs.itemId}/acknowledge`);
    await t.c.jobs.drain();
    mailer.sent.length = 0;

    // Not yet due after 47 hours.
    t.clock.set(new Date('2021-02-05T02:05:00Z'));
    await t.c.jobs.enqueueDueSchedules();
    expect(await jobIds('schedule:directives-reminders:2021-02-05T02:05')).toHaveLength(1);
    await t.c.jobs.drain();
    expect(await jobIds(`directive-remind:${id}`)).toEqual([]);

    // Due after 48 hours: one reminder job per silent recipient, deterministic ids.
    t.clock.set(new Date('2021-02-05T03:05:00Z'));
    await t.c.jobs.enqueueDueSchedules();
    expect(await jobIds('schedule:directives-reminders:2021-02-05T03:05')).toHaveLength(1);
    await t.c.jobs.drain();
    const reminders = await jobIds(`directive-remind:${id}`);
    expect(reminders).toHaveLength(total - 1);
    expect(reminders).toContain(`directive-remind:${id}:${TT_TAM_DUONG}`);
    expect(reminders).not.toContain(`directive-remind:${id}:${x.otherCommuneId}`);
    expect(mailer.sent.filter((m) => m.to === 'xa@tamduong.example').map((m) => m.subject)).toEqual([expect.stringMatching(/^Nhắc xác nhận văn bản/)]);

    // Running the scan again never reminds twice.
    const again = await t.c.services.directives.runReminderScan();
    expect(again).toEqual({ reminded: 0, escalated: 0 });

    // After 96 hours the district (parent of the communes) is told once, with the silent communes listed.
    t.clock.set(new Date('2021-02-07T03:05:00Z'));
    await t.c.jobs.enqueueDueSchedules();
    await t.c.jobs.drain();
    expect(await jobIds(`directive-escalate:${id}`)).toEqual([`directive-escalate:${id}:${TAM_DUONG}`]);
    const toDistrict = mailer.sent.filter((m) => m.to === 'huyen@tamduong.example');
    expect(toDistrict).toHaveLength(1);
    expect(toDistrict[0]!.text).toContain('Thị trấn Tam Đường');
    expect(await t.c.services.directives.runReminderScan()).toEqual({ reminded: 0, escalated: 0 });
    t.clock.set(new Date('2021-02-03T03:00:00Z'));
  });
});
