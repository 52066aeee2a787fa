import type { AuthUser } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { actorOf, recordAudit } from '../audit/audit-log.ts';

/**
 * One audit log entry of a livelihood change, export or reveal, written in the transaction of the
 * change (`trx`). Its region is the thing's (the matter's, the list's, the project's).
 */
export async function auditLivelihood(
  trx: Db,
  e: {
    user: AuthUser;
    action: string;
    target: { type: string; id: number } | null;
    regionCode: string | null;
    detail?: Record<string, unknown>;
    at: Date;
    sourceIp?: string | null | undefined;
  },
): Promise<void> {
  await recordAudit(trx, {
    action: e.action,
    actor: actorOf(e.user),
    sourceIp: e.sourceIp ?? null,
    target: e.target,
    regionCode: e.regionCode,
    detail: e.detail ?? {},
    at: e.at,
  });
}
