import nodemailer from 'nodemailer';
import type { Logger } from './logger.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends e-mail. SMTP in production and in tests (against a real local SMTP server). */
export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(msg: MailMessage): Promise<void>;
  close(): void;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
}

export function createSmtpMailer(s: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    // Local relays often present self-signed certificates on STARTTLS.
    tls: { rejectUnauthorized: false },
  });
  return {
    kind: 'smtp',
    async send(msg) {
      await transport.sendMail({ from: s.from, ...msg });
    },
    close: () => transport.close(),
  };
}

/** Used when no SMTP server is configured: the message goes to the log, so nothing is lost silently. */
export function createLogMailer(logger: Logger): Mailer {
  return {
    kind: 'log',
    async send(msg) {
      logger.info({ mail: { to: msg.to, subject: msg.subject, text: msg.text } }, 'mail (no SMTP configured)');
    },
    close: () => undefined,
  };
}
