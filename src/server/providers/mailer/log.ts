import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from './port.ts';

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
