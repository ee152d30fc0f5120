import type { Mailer, MailMessage } from './port.ts';

export interface FakeMailer extends Mailer {
  /** Every message sent, in order. */
  readonly sent: MailMessage[];
}

/** In memory, for tests: keeps what was sent and sends nothing. */
export function createFakeMailer(): FakeMailer {
  const sent: MailMessage[] = [];
  return {
    kind: 'fake',
    sent,
    async send(msg) {
      sent.push(msg);
    },
    close: () => undefined,
  };
}
