import nodemailer from 'nodemailer';
import type { Mailer } from './port.ts';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
}

/** Sends through an SMTP server (production, and tests against a real local SMTP server). */
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
