import { postJson, type Sender } from './sender.ts';
import { signBody } from './webhook-signature.ts';

/**
 * Every case event to HUIYIN_WEBHOOK_URL as JSON {id, topic, occurredAt, data}, signed with
 * `X-Huiyin-Signature: sha256=<HMAC-SHA256 of the raw body>`. `id` is the same on every retry:
 * the receiver keeps the ids it has seen and drops a repeat. Any 2xx is delivered.
 */
export function createWebhookSender(cfg: { url: string; secret: string }): Sender {
  return {
    async send(d, signal) {
      const body = JSON.stringify({ id: d.message_id, ...d.payload });
      await postJson(
        cfg.url,
        body,
        { 'x-huiyin-signature': signBody(cfg.secret, body), 'x-huiyin-message-id': d.message_id, 'x-huiyin-topic': d.topic },
        signal,
      );
    },
  };
}
