import { createTransport } from 'nodemailer';
import type { Sender } from './sender.ts';

/**
 * E-mail through SMTP (HUIYIN_SMTP_URL, from HUIYIN_MAIL_FROM) with nodemailer, one connection
 * per message. The Message-ID is derived from the delivery's message id, so a repeat after a
 * crash carries the same one. A 4xx/5xx answer or a dropped connection is a failed attempt.
 */
export function createEmailSender(cfg: { smtpUrl: string; from: string; timeoutMs: number }): Sender {
  const transport = createTransport({
    url: cfg.smtpUrl,
    connectionTimeout: cfg.timeoutMs,
    greetingTimeout: cfg.timeoutMs,
    socketTimeout: cfg.timeoutMs,
  });
  return {
    async send(d, signal) {
      const p = d.payload as { to?: unknown; subject?: unknown; text?: unknown };
      if (typeof p.to !== 'string') throw new Error('no address');
      const sending = transport.sendMail({
        from: cfg.from,
        to: p.to,
        subject: typeof p.subject === 'string' ? p.subject : '',
        text: typeof p.text === 'string' ? p.text : '',
        messageId: `<${d.message_id}@huiyin>`,
        headers: { 'X-Huiyin-Message-Id': d.message_id },
      });
      // nodemailer takes no AbortSignal: give up on our side at the time limit (its own socket
      // timeouts close the connection).
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(new Error('timeout: no answer within the time limit'));
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      });
      sending.catch(() => undefined);
      try {
        const info = await Promise.race([sending, aborted]);
        if (info.rejected.length > 0) throw new Error(`rejected: ${info.rejected.join(', ')}`);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    async close() {
      transport.close();
    },
  };
}
