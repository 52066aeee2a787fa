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
  /** HUIYIN_SMS_GATEWAY_URL: the SMS gateway the worker POSTs {id, to, text} to; unset = no SMS. */
  readonly smsGatewayUrl: string | undefined;
  /** HUIYIN_WEBHOOK_URL and HUIYIN_WEBHOOK_SECRET: every case event, signed; unset = no webhook. */
  readonly webhook: { readonly url: string; readonly secret: string } | undefined;
  /** HUIYIN_SMTP_URL and HUIYIN_MAIL_FROM: e-mail to users who have an address; unset = no e-mail. */
  readonly mail: { readonly smtpUrl: string; readonly from: string } | undefined;
  /** HUIYIN_PUBLIC_URL: the server's public address, for links in e-mails; unset = paths only. */
  readonly publicUrl: string | undefined;
  /** HUIYIN_SESSION_IDLE_MINUTES (default 30): a session unused this long ends, whatever its lifetime. */
  readonly sessionIdleMinutes: number;
  /** HUIYIN_DEMO: on (default) or off. Off: no demo seed, and no start while a demo account keeps the demo password. */
  readonly demo: boolean;
  /** HUIYIN_AUDIT_KEY / HUIYIN_AUDIT_KEY_FILE: where the audit key comes from (modules/audit/audit-key.ts). */
  readonly auditKey: { readonly inline: string | undefined; readonly file: string | undefined };
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

function url(env: NodeJS.ProcessEnv, name: string, schemes: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL`);
  }
  if (!schemes.includes(u.protocol.replace(/:$/, '')))
    throw new ConfigError(`${name} must start with ${schemes.map((s) => `${s}://`).join(' or ')}`);
  return raw;
}

/** The delivery channels: each is on only when its address is set, and incomplete settings stop the start. */
function deliveryConfig(env: NodeJS.ProcessEnv) {
  const webhookUrl = url(env, 'HUIYIN_WEBHOOK_URL', ['http', 'https']);
  const secret = env['HUIYIN_WEBHOOK_SECRET'] ?? '';
  if (webhookUrl !== undefined && secret.length < 16)
    throw new ConfigError('HUIYIN_WEBHOOK_SECRET must be set (at least 16 characters) when HUIYIN_WEBHOOK_URL is');
  const smtpUrl = url(env, 'HUIYIN_SMTP_URL', ['smtp', 'smtps']);
  const from = env['HUIYIN_MAIL_FROM'] ?? '';
  if (smtpUrl !== undefined && !/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(from)) {
    throw new ConfigError(
      'HUIYIN_MAIL_FROM must be set to a sender address (huiyin@example.org, or "回音 <huiyin@example.org>") when HUIYIN_SMTP_URL is',
    );
  }
  const publicUrl = url(env, 'HUIYIN_PUBLIC_URL', ['http', 'https']);
  return {
    smsGatewayUrl: url(env, 'HUIYIN_SMS_GATEWAY_URL', ['http', 'https']),
    webhook: webhookUrl === undefined ? undefined : Object.freeze({ url: webhookUrl, secret }),
    mail: smtpUrl === undefined ? undefined : Object.freeze({ smtpUrl, from }),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
  };
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
  const demo = env['HUIYIN_DEMO'] ?? 'on';
  if (demo !== 'on' && demo !== 'off') throw new ConfigError('HUIYIN_DEMO must be on or off');
  const tp = env['HUIYIN_TRUST_PROXY'] ?? 'off';
  const trustProxy = tp === 'off' || tp === '' ? false : tp === 'on' ? true : tp;
  return Object.freeze({
    trustProxy,
    mapTileUrl: env['HUIYIN_MAP_TILE_URL'] || undefined,
    ...deliveryConfig(env),
    port: int(env, 'PORT', 8080, 0, 65535),
    host: env['HOST'] || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(cwd, env['HUIYIN_DATA_DIR'] || 'data'),
    sessionTtlHours: int(env, 'HUIYIN_SESSION_TTL_HOURS', 12, 1, 24 * 90),
    sessionIdleMinutes: int(env, 'HUIYIN_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    demo: demo === 'on',
    auditKey: Object.freeze({ inline: env['HUIYIN_AUDIT_KEY'] || undefined, file: env['HUIYIN_AUDIT_KEY_FILE'] || undefined }),
    maxUploadBytes: int(env, 'HUIYIN_MAX_UPLOAD_MB', 10, 1, 100) * 1024 * 1024,
    publicRateLimitPerMinute: int(env, 'HUIYIN_PUBLIC_RATE_LIMIT', 10, 1, 100_000),
    worker: worker === 'on',
    webDistDir: path.resolve(import.meta.dirname, '../../web/dist'),
    logLevel,
  });
}
