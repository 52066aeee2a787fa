import path from 'node:path';

/**
 * The environment, parsed once at start into a frozen, typed Config. A bad value stops the
 * start with a message that says what to set; nothing falls back silently.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL connection string; undefined means the embedded PGlite database. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly sessionTtlHours: number;
  readonly maxUploadBytes: number;
  /** Public submissions allowed per client address per minute. */
  readonly publicRateLimitPerMinute: number;
  readonly worker: boolean;
  readonly webDistDir: string;
  readonly logLevel: string;
  /** HUIYIN_TRUST_PROXY: off (default), on, or the proxies' addresses (comma-separated). */
  readonly trustProxy: boolean | string;
  /** HUIYIN_MAP_TILE_URL: a {z}/{x}/{y} tile template for maps; unset = maps without tiles. */
  readonly mapTileUrl: string | undefined;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}=${raw} is not valid: set an integer from ${min} to ${max}`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const databaseUrl = env['DATABASE_URL'] === '' ? undefined : env['DATABASE_URL'];
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// (or leave it unset for the embedded database)');
  }
  const worker = env['HUIYIN_WORKER'] ?? 'on';
  if (worker !== 'on' && worker !== 'off') throw new ConfigError('HUIYIN_WORKER must be on or off');
  const logLevel = env['HUIYIN_LOG_LEVEL'] ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('HUIYIN_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
  }
  const tp = env['HUIYIN_TRUST_PROXY'] ?? 'off';
  const trustProxy = tp === 'off' || tp === '' ? false : tp === 'on' ? true : tp;
  return Object.freeze({
    trustProxy,
    mapTileUrl: env['HUIYIN_MAP_TILE_URL'] || undefined,
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env['HOST'] || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(cwd, env['HUIYIN_DATA_DIR'] || 'data'),
    sessionTtlHours: int(env, 'HUIYIN_SESSION_TTL_HOURS', 12, 1, 24 * 90),
    maxUploadBytes: int(env, 'HUIYIN_MAX_UPLOAD_MB', 10, 1, 100) * 1024 * 1024,
    publicRateLimitPerMinute: int(env, 'HUIYIN_PUBLIC_RATE_LIMIT', 10, 1, 100_000),
    worker: worker === 'on',
    webDistDir: path.resolve(import.meta.dirname, '../../web/dist'),
    logLevel,
  });
}
