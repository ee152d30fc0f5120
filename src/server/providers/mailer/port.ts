// The mailer port: what the modules (invitations, task and directive notices, portal alerts) need to
// send e-mail. Implementations: smtp.ts (production, and tests against a local SMTP server), log.ts
// (no SMTP configured: the message goes to the log), fake.ts (in memory, for tests).

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  readonly kind: 'smtp' | 'log' | 'fake';
  send(msg: MailMessage): Promise<void>;
  close(): void;
}
