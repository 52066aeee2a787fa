import { postJson, type Sender } from './sender.ts';

/** SMS through the gateway at HUIYIN_SMS_GATEWAY_URL: POST {id, to, text}; any 2xx is delivered. */
export function createSmsSender(gatewayUrl: string): Sender {
  return {
    async send(d, signal) {
      const p = d.payload as { to?: unknown; text?: unknown };
      const body = JSON.stringify({ id: d.message_id, to: p.to, text: p.text });
      await postJson(gatewayUrl, body, { 'x-huiyin-message-id': d.message_id }, signal);
    },
  };
}
