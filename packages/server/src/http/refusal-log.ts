import type { FastifyInstance } from 'fastify';
import { isApiRoute } from './auth.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { recordAuditAlone } from '../modules/audit/audit-log.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * 入侵防范: a signed-in user's attempt to change something they may not (an answer of 403 to an
 * unsafe method: an auditor trying to write, a county admin touching a national setting, a
 * forged cross-site request) goes into the audit log after the refusal is sent. The refusal
 * changed nothing, so the entry is written on its own.
 */
export function logRefusals(app: FastifyInstance, db: Db, clock: Clock): void {
  app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode !== 403 || !UNSAFE.has(req.method) || !isApiRoute(req)) return;
    const user = req.user;
    try {
      await recordAuditAlone(db, {
        action: 'access.denied',
        outcome: 'denied',
        actor: user ? { id: user.id, name: user.username } : null,
        regionCode: user?.units[0]?.regionCode ?? null,
        sourceIp: req.ip,
        detail: { method: req.method, route: req.routeOptions.url ?? req.url.split('?')[0] },
        at: clock.now(),
      });
    } catch (e) {
      req.log.error({ err: e }, 'could not write the refusal to the audit log');
    }
  });
}
