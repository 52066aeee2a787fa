import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';

/** The policy library (知识库): search, add, import. */
export function policiesRoutes(_app: FastifyInstance, _deps: { db: Db; clock: Clock }): void {}
