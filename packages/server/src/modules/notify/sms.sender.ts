import { openSealedText } from '../../outbox/sealed-text.ts';
import { postJson, type Sender } from './sender.ts';

/**
 * SMS through the gateway at HUIYIN_SMS_GATEWAY_URL: POST {id, to, text}; any 2xx is delivered.
 * A sealed text (a one-time password) is opened only here, just before it is sent.
 */
export function createSmsSender(gatewayUrl: string): Sender {
  return {
    async send(d, signal) {
      const p = d.payload as { to?: unknown; text?: unknown; sealed?: unknown };
      const text = typeof p.sealed === 'string' ? openSealedText(p.sealed) : p.text;
      const body = JSON.stringify({ id: d.message_id, to: p.to, text });
      await postJson(gatewayUrl, body, { 'x-huiyin-message-id': d.message_id }, signal);
    },
  };
}
