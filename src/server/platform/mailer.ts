// Moved to src/server/providers/mailer/ (port, smtp, log, fake); kept while importers switch.
export type { Mailer, MailMessage } from '../providers/mailer/port.ts';
export { createSmtpMailer, type SmtpSettings } from '../providers/mailer/smtp.ts';
export { createLogMailer } from '../providers/mailer/log.ts';
