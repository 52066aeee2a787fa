import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';

/** Citizen extras: the public page configuration and photos sent with a new request. */
export function publicRoutes(_app: FastifyInstance, _deps: { db: Db; clock: Clock; dataDir: string; maxUploadBytes: number; mapTileUrl: string | undefined }): void {}
