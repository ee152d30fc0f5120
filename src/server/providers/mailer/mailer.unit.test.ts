import { describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.ts';
import { createFakeMailer } from './fake.ts';
import { createLogMailer } from './log.ts';

describe('mailer providers', () => {
  it('the fake keeps every message in order and sends nothing', async () => {
    const mailer = createFakeMailer();
    await mailer.send({ to: 'a@loa.test', subject: 'Một', text: '1' });
    await mailer.send({ to: 'b@loa.test', subject: 'Hai', text: '2' });
    expect(mailer.sent.map((m) => m.to)).toEqual(['a@loa.test', 'b@loa.test']);
    mailer.close();
  });

  it('the log mailer resolves without a server', async () => {
    const mailer = createLogMailer(createLogger('silent'));
    expect(mailer.kind).toBe('log');
    await expect(mailer.send({ to: 'a@loa.test', subject: 's', text: 't' })).resolves.toBeUndefined();
  });
});
