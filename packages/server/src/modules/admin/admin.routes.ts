import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';

/** Admin API: units, users and roles, categories and the routing catalog. */
export function adminRoutes(_app: FastifyInstance, _deps: { db: Db; clock: Clock }): void {}
