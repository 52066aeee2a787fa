import type { FastifyRequest } from 'fastify';
import { adminScopeOf, type AdminScope } from '../modules/regions/admin-scope.ts';
import { requireUser } from './auth.ts';

/** Who acts and from where, for the audit log: the signed-in user (or none) and the source address. */
export interface RequestActor {
  readonly actor: { readonly id: number; readonly name: string } | null;
  readonly sourceIp: string;
}

export function requestActor(req: FastifyRequest): RequestActor {
  return { actor: req.user ? { id: req.user.id, name: req.user.username } : null, sourceIp: req.ip };
}

/** The signed-in admin's scope, with the source address for the audit log. */
export function adminScopeOfRequest(req: FastifyRequest): AdminScope {
  return adminScopeOf(requireUser(req), req.ip);
}
