import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSmtpMailer } from '../../providers/mailer/smtp.ts';
import { describeApi, createTestContext } from '../../../../test/support/harness.ts';
import type { TestContext } from '../../../../test/support/harness.ts';
import { decodeBody, decodeHeader, splitMessage, startSmtpServer } from '../../../../test/support/mail.ts';
import { TAM_DUONG, buildSignedInUser, buildUnit, importLaiChau } from '../../../../test/factories.ts';

describeApi('invitation mail over real SMTP', (kind) => {
  let t: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestContext(kind, {
      mailer: createSmtpMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Loa <no-reply@loa.test>' }),
    });
    await importLaiChau(t.c);
  });
  afterAll(async () => {
    await t.close();
    t.c.mailer.close();
    await smtp.close();
  });

  it('delivers the invitation with its link to the invited address', async () => {
    const office = (await buildUnit(t.c, { parentId: TAM_DUONG })).id;
    const { session } = await buildSignedInUser(t.c, { unitId: TAM_DUONG, roles: ['unit_admin'] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: { username: 'thu.smtp', displayName: 'Lò Thị Thư', email: 'thu.smtp@laichau.gov.vn', unitId: office, roles: ['clerk'] },
    });
    expect(res.statusCode).toBe(201);
    expect(smtp.received).toHaveLength(0); // queued, not sent inline

    expect(await t.c.jobs.drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    if (!mail) throw new Error('no mail');
    expect(mail.from).toBe('no-reply@loa.test');
    expect(mail.to).toEqual(['thu.smtp@laichau.gov.vn']);
    const { headers } = splitMessage(mail.raw);
    expect(headers.get('to')).toContain('thu.smtp@laichau.gov.vn');
    expect(decodeHeader(headers.get('subject') ?? '')).toContain('Lời mời');
    const text = decodeBody(mail.raw);
    expect(text).toContain('Lò Thị Thư');
    const token = /http:\/\/loa\.test\/admin\/#\/invite\/([A-Za-z0-9_-]{40,})/.exec(text)?.[1];
    expect(token).toBeDefined();

    // The link from the real mail works.
    const accept = await t.app.inject({ method: 'POST', url: '/api/auth/accept-invitation', payload: { token, password: 'Mat-khau-that-2021' } });
    expect(accept.statusCode).toBe(200);
  });
});
