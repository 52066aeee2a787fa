import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../main/app.ts';
import { DEMO_PASSWORD } from '../../seed/demo-org.ts';
import { expectError } from '../../testing/errors.ts';
import { FACTORY_PASSWORD } from '../../testing/factories.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { demoAccountsWithPassword } from './demo-guard.ts';

const NEW_PASSWORD = 'River-Stone-2026';

interface Ctx {
  clerkUnit: number;
}

function login(app: FastifyInstance, body: Record<string, unknown>, remoteAddress = '10.0.0.1'): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, remoteAddress, headers: { 'user-agent': 'vitest' } });
}

function as(app: FastifyInstance, token: string, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) {
  return app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
}

async function auditRows(h: Harness, action: string) {
  return h.db.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'actor_id', 'actor_name', 'region_code', 'source_ip', 'detail'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

/** The TOTP code of the secret at the harness clock's time (or `offsetSeconds` later). */
function codeAt(h: Harness, secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(h.clock.now().getTime() / 1000) + offsetSeconds });
}

describeEachDb(
  'sign-in (身份鉴别)',
  (get) => {
    const ctx: Ctx = { clerkUnit: 0 };
    const extraApps: FastifyInstance[] = [];
    /** Another app on the same database (another server, or the same one restarted). */
    async function otherApp(h: Harness, opts: { demo?: boolean; publicUrl?: string } = {}) {
      const app = await buildApp({
        db: h.db.db,
        clock: h.clock,
        dataDir: h.dataDir,
        checkResponses: true,
        sessionIdleMinutes: 30,
        ...opts,
      });
      extraApps.push(app);
      return app;
    }
    async function user(
      username: string,
      roles: ('clerk' | 'admin' | 'auditor')[],
      opts: { demo?: boolean; mustChangePassword?: boolean } = {},
    ) {
      return get().make.user({ username, roles, unitIds: [ctx.clerkUnit], demo: opts.demo ?? false, ...opts });
    }
    async function tokenOf(username: string, password = FACTORY_PASSWORD, extra: Record<string, unknown> = {}) {
      const res = await login(get().app, { username, password, ...extra });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().token as string;
    }

    beforeAll(async () => {
      const h = get();
      await h.make.district();
      ctx.clerkUnit = await h.make.unit({ name: '盐湖区政务服务中心', kind: 'centre' });
    });
    afterAll(async () => {
      for (const app of extraApps) await app.close();
    });

    it('five failures lock the account (423 with the unlock time, the same answer with the right password); the lock grows and ends by the clock', async () => {
      const h = get();
      const alice = await user('alice', ['clerk']);
      for (let i = 0; i < 4; i++)
        expectError(await login(h.app, { username: 'alice', password: `wrong-${i}` }, '10.0.1.1'), 401, 'unauthorized');
      const fifth = await login(h.app, { username: 'alice', password: 'wrong-5' }, '10.0.1.1');
      const err = expectError(fifth, 423, 'account_locked');
      const lockedUntil = new Date(h.clock.now().getTime() + 15 * 60_000).toISOString();
      expect(err.details).toEqual({ lockedUntil, retryAfterSeconds: 15 * 60 });
      expect(fifth.headers['retry-after']).toBe(String(15 * 60));
      const right = await login(h.app, { username: 'alice', password: FACTORY_PASSWORD }, '10.0.1.1');
      const wrong = await login(h.app, { username: 'alice', password: 'still-wrong' }, '10.0.1.1');
      expect(right.statusCode).toBe(423);
      expect(right.body).toBe(wrong.body);
      expect(right.body).toBe(fifth.body);

      const lockouts = await auditRows(h, 'auth.lockout');
      expect(lockouts.map((r) => [r.detail['username'], r.source_ip, r.region_code])).toEqual([['alice', '10.0.1.1', '140802']]);
      const failed = (await auditRows(h, 'auth.login')).filter((r) => r.actor_id === alice.id);
      expect(failed.map((r) => r.detail['reason'])).toEqual([...Array(5).fill('wrong_password'), 'locked', 'locked']);

      // After 15 minutes the right password works; five more failures lock it for 30 minutes.
      h.clock.advance(15 * 60_000 + 1000);
      for (let i = 0; i < 4; i++)
        expectError(await login(h.app, { username: 'alice', password: `x-${i}` }, '10.0.1.2'), 401, 'unauthorized');
      const again = expectError(await login(h.app, { username: 'alice', password: 'x-5' }, '10.0.1.2'), 423, 'account_locked');
      expect(again.details).toEqual({
        lockedUntil: new Date(h.clock.now().getTime() + 30 * 60_000).toISOString(),
        retryAfterSeconds: 30 * 60,
      });
      h.clock.advance(30 * 60_000 + 1000);
      // A success resets the count: four failures and a success, then four more do not lock.
      for (let i = 0; i < 4; i++)
        expectError(await login(h.app, { username: 'alice', password: `y-${i}` }, '10.0.1.3'), 401, 'unauthorized');
      expect((await login(h.app, { username: 'alice', password: FACTORY_PASSWORD }, '10.0.1.3')).statusCode).toBe(200);
      for (let i = 0; i < 4; i++)
        expectError(await login(h.app, { username: 'alice', password: `z-${i}` }, '10.0.1.3'), 401, 'unauthorized');
      expect((await login(h.app, { username: 'alice', password: FACTORY_PASSWORD }, '10.0.1.3')).statusCode).toBe(200);
    });

    it('an unknown username is logged with its name, no id and no region', async () => {
      const h = get();
      expectError(await login(h.app, { username: 'nobody-here', password: 'whatever' }, '10.0.2.1'), 401, 'unauthorized');
      const rows = (await auditRows(h, 'auth.login')).filter((r) => r.actor_name === 'nobody-here');
      expect(rows).toEqual([
        expect.objectContaining({
          outcome: 'failed',
          actor_id: null,
          region_code: null,
          source_ip: '10.0.2.1',
          detail: { username: 'nobody-here', reason: 'unknown_user' },
        }),
      ]);
    });

    it('too many failures from one address answer 429, also from another server on the same database, until the window ends', async () => {
      const h = get();
      await user('throttled', ['clerk']);
      for (let i = 0; i < 30; i++) {
        expectError(await login(h.app, { username: `ghost${i}`, password: 'nope' }, '10.0.3.1'), 401, 'unauthorized');
      }
      const refused = expectError(
        await login(h.app, { username: 'throttled', password: FACTORY_PASSWORD }, '10.0.3.1'),
        429,
        'rate_limited',
      );
      expect(typeof refused.details?.['retryAt']).toBe('string');
      const second = await otherApp(h);
      expectError(await login(second, { username: 'throttled', password: FACTORY_PASSWORD }, '10.0.3.1'), 429, 'rate_limited');
      // Another address is not affected.
      expect((await login(second, { username: 'throttled', password: FACTORY_PASSWORD }, '10.0.3.2')).statusCode).toBe(200);
      const throttledRows = (await auditRows(h, 'auth.login')).filter((r) => r.detail['reason'] === 'throttled');
      expect(throttledRows.length).toBe(2);
      h.clock.advance(15 * 60_000 + 1000);
      expect((await login(second, { username: 'throttled', password: FACTORY_PASSWORD }, '10.0.3.1')).statusCode).toBe(200);
    });

    it('a password change needs the right current password (a wrong one is refused and logged), the rules and none of the last five; other sessions end', async () => {
      const h = get();
      const bob = await user('bob', ['clerk']);
      const t1 = await tokenOf('bob');
      const t2 = await tokenOf('bob');
      const wrong = expectError(
        await as(h.app, t1, 'POST', '/api/v1/me/password', { currentPassword: 'not-mine', newPassword: NEW_PASSWORD }),
        400,
        'validation_failed',
      );
      expect(wrong.details?.fields?.[0]).toMatchObject({ path: 'currentPassword', code: 'wrong_password' });
      const logged = (await auditRows(h, 'auth.password.change')).filter((r) => r.actor_id === bob.id);
      expect(logged.map((r) => [r.outcome, r.detail['reason']])).toEqual([['failed', 'wrong_password']]);
      const hashBefore = (await h.db.db.selectFrom('users').select('password_hash').where('id', '=', bob.id).executeTakeFirstOrThrow())
        .password_hash;

      for (const [newPassword, code] of [
        ['short1A!', 'password_too_short'],
        ['onlylowercaseletters', 'password_few_classes'],
        ['Bob-is-2026-ok', 'password_has_username'],
      ] as const) {
        const e = expectError(
          await as(h.app, t1, 'POST', '/api/v1/me/password', { currentPassword: FACTORY_PASSWORD, newPassword }),
          400,
          'validation_failed',
        );
        expect(e.details?.fields?.[0]).toMatchObject({ path: 'newPassword', code });
      }
      const after = await h.db.db
        .selectFrom('users')
        .select(['password_hash', 'must_change_password'])
        .where('id', '=', bob.id)
        .executeTakeFirstOrThrow();
      expect(after.password_hash).toBe(hashBefore);

      const ok = await as(h.app, t1, 'POST', '/api/v1/me/password', { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD });
      expect(ok.statusCode, ok.body).toBe(204);
      expect((await as(h.app, t1, 'GET', '/api/v1/me')).statusCode).toBe(200);
      expectError(await as(h.app, t2, 'GET', '/api/v1/me'), 401, 'unauthorized');
      expectError(await login(h.app, { username: 'bob', password: FACTORY_PASSWORD }), 401, 'unauthorized');
      const t3 = await tokenOf('bob', NEW_PASSWORD);
      const security = await as(h.app, t3, 'GET', '/api/v1/me/security');
      expect(security.json()).toEqual({
        totpEnabled: false,
        totpRequired: false,
        passwordChangedAt: h.clock.now().toISOString(),
        mustChangePassword: false,
      });

      // Four more changes: the last five passwords are refused, the sixth back is allowed again.
      const passwords = [NEW_PASSWORD, 'Second-Pass-22', 'Third-Pass-333', 'Fourth-Pass-44', 'Fifth-Pass-555'];
      for (let i = 1; i < passwords.length; i++) {
        const r = await as(h.app, t3, 'POST', '/api/v1/me/password', { currentPassword: passwords[i - 1], newPassword: passwords[i] });
        expect(r.statusCode, r.body).toBe(204);
      }
      for (const old of passwords) {
        const e = expectError(
          await as(h.app, t3, 'POST', '/api/v1/me/password', { currentPassword: 'Fifth-Pass-555', newPassword: old }),
          400,
          'validation_failed',
        );
        expect(e.details?.fields?.[0]?.code).toBe('password_reused');
      }
      const r = await as(h.app, t3, 'POST', '/api/v1/me/password', { currentPassword: 'Fifth-Pass-555', newPassword: 'Sixth-Pass-666' });
      expect(r.statusCode).toBe(204);
      const back = await as(h.app, t3, 'POST', '/api/v1/me/password', { currentPassword: 'Sixth-Pass-666', newPassword: NEW_PASSWORD });
      expect(back.statusCode, back.body).toBe(204);
      const oks = (await auditRows(h, 'auth.password.change')).filter((x) => x.actor_id === bob.id && x.outcome === 'ok');
      expect(oks.length).toBe(7);
      expect(oks[0]!.detail).toEqual({ sessionsEnded: 1, forced: false });
    });

    it('a forced change: the sign-in says so, every other route answers 403 until the password is changed', async () => {
      const h = get();
      await user('carol', ['clerk'], { mustChangePassword: true });
      const res = await login(h.app, { username: 'carol', password: FACTORY_PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ passwordChangeRequired: true, totpEnrolmentRequired: false });
      const token = res.json().token as string;
      expectError(await as(h.app, token, 'GET', '/api/v1/me'), 403, 'password_change_required');
      expectError(await as(h.app, token, 'GET', '/api/v1/me/sessions'), 403, 'password_change_required');
      expectError(await as(h.app, token, 'POST', '/api/v1/me/totp'), 403, 'password_change_required');
      expectError(await as(h.app, token, 'GET', '/api/v1/cases'), 403, 'password_change_required');
      const session = await as(h.app, token, 'GET', '/api/v1/auth/session');
      expect(session.json()).toMatchObject({ user: { username: 'carol' }, restricted: 'password' });
      const changed = await as(h.app, token, 'POST', '/api/v1/me/password', {
        currentPassword: FACTORY_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(changed.statusCode, changed.body).toBe(204);
      expect((await as(h.app, token, 'GET', '/api/v1/me')).statusCode).toBe(200);
      expect((await as(h.app, token, 'GET', '/api/v1/auth/session')).json()).toMatchObject({ restricted: null });
      const again = await login(h.app, { username: 'carol', password: NEW_PASSWORD });
      expect(again.json()).toMatchObject({ passwordChangeRequired: false });
      // Sign-out works with a restricted session too.
      const restricted = await user('carol2', ['clerk'], { mustChangePassword: true });
      const t = (await login(h.app, { username: 'carol2', password: FACTORY_PASSWORD })).json().token as string;
      expect((await as(h.app, t, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await auditRows(h, 'auth.logout')).some((r) => r.actor_id === restricted.id)).toBe(true);
    });

    it('TOTP: enrolment with a code, sign-in needs a code, a code and a recovery code are never accepted twice, a wrong code counts', async () => {
      const h = get();
      const dave = await user('dave', ['clerk']);
      const token = await tokenOf('dave');
      // Right after sign-in the password was just given: the enrolment starts with no body, as the API has always allowed.
      expect((await as(h.app, token, 'POST', '/api/v1/me/totp')).statusCode).toBe(200);
      // From an older session the password is asked again (a stolen session must not bind its own authenticator).
      h.clock.advance(16 * 60_000);
      expect(expectError(await as(h.app, token, 'POST', '/api/v1/me/totp'), 400, 'validation_failed').details?.fields?.[0]?.code).toBe(
        'password_required',
      );
      expect(
        expectError(await as(h.app, token, 'POST', '/api/v1/me/totp', { currentPassword: 'wrong' }), 400, 'validation_failed').details
          ?.fields?.[0]?.code,
      ).toBe('wrong_password');
      const counted = await h.db.db.selectFrom('users').select('failed_logins').where('id', '=', dave.id).executeTakeFirstOrThrow();
      expect(counted.failed_logins).toBe(1);
      const start = await as(h.app, token, 'POST', '/api/v1/me/totp', { currentPassword: FACTORY_PASSWORD });
      expect(start.statusCode, start.body).toBe(200);
      const { secret, otpauthUri, qrDataUrl } = start.json() as { secret: string; otpauthUri: string; qrDataUrl: string };
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      expect(decodeURIComponent(otpauthUri)).toContain('回音 Huiyin');
      expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
      const wrong = expectError(await as(h.app, token, 'POST', '/api/v1/me/totp/confirm', { code: '000000' }), 400, 'validation_failed');
      expect(wrong.details?.fields?.[0]?.code).toBe('totp_wrong');
      expectError(await as(h.app, token, 'POST', '/api/v1/me/totp/confirm', { code: 'abc' }), 400, 'validation_failed');
      const enrolCode = await codeAt(h, secret);
      const confirmed = await as(h.app, token, 'POST', '/api/v1/me/totp/confirm', { code: enrolCode });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      const recovery = confirmed.json().recoveryCodes as string[];
      expect(recovery).toHaveLength(10);
      expect(new Set(recovery).size).toBe(10);
      expectError(await as(h.app, token, 'POST', '/api/v1/me/totp', { currentPassword: FACTORY_PASSWORD }), 409, 'conflict');
      expect((await auditRows(h, 'auth.totp.enrol')).map((r) => [r.actor_id, r.outcome])).toEqual([
        [dave.id, 'failed'],
        [dave.id, 'ok'],
      ]);

      expectError(await login(h.app, { username: 'dave', password: FACTORY_PASSWORD }), 401, 'totp_required');
      // A wrong password with no code is a plain wrong password (no hint that a code would be needed).
      expectError(await login(h.app, { username: 'dave', password: 'wrong' }), 401, 'unauthorized');
      // The code used at enrolment is spent.
      const replay = expectError(
        await login(h.app, { username: 'dave', password: FACTORY_PASSWORD, totp: enrolCode }),
        401,
        'unauthorized',
      );
      expect(replay.details?.fields?.[0]?.code).toBe('totp_wrong');
      h.clock.advance(30_000);
      const code = await codeAt(h, secret);
      expect((await login(h.app, { username: 'dave', password: FACTORY_PASSWORD, totp: code })).statusCode).toBe(200);
      expectError(await login(h.app, { username: 'dave', password: FACTORY_PASSWORD, totp: code }), 401, 'unauthorized');
      // A recovery code works once, in any case and with spaces.
      const rc = recovery[0]!;
      const withRecovery = await login(h.app, { username: 'dave', password: FACTORY_PASSWORD, totp: ` ${rc.toUpperCase()} ` });
      expect(withRecovery.statusCode, withRecovery.body).toBe(200);
      expectError(await login(h.app, { username: 'dave', password: FACTORY_PASSWORD, totp: rc }), 401, 'unauthorized');
      expect((await auditRows(h, 'auth.totp.recovery_used')).map((r) => r.detail)).toEqual([{ remaining: 9 }]);
      const security = await as(h.app, withRecovery.json().token as string, 'GET', '/api/v1/me/security');
      expect(security.json()).toMatchObject({ totpEnabled: true, totpRequired: false });

      // Wrong codes count toward the lockout: the refusal above and four more lock it.
      for (let i = 0; i < 3; i++) {
        expectError(await login(h.app, { username: 'dave', password: FACTORY_PASSWORD, totp: '123456' }), 401, 'unauthorized');
      }
      expectError(await login(h.app, { username: 'dave', password: FACTORY_PASSWORD, totp: '654321' }), 423, 'account_locked');
      const reasons = (await auditRows(h, 'auth.login')).filter((r) => r.actor_id === dave.id).map((r) => r.detail['reason'] ?? 'ok');
      expect(reasons).toEqual([
        'ok',
        'totp_required',
        'wrong_password',
        'totp_wrong',
        'ok',
        'totp_wrong',
        'ok',
        'totp_wrong',
        'totp_wrong',
        'totp_wrong',
        'totp_wrong',
        'totp_wrong',
      ]);

      // Turned off with the password (a clerk may).
      h.clock.advance(24 * 3600_000);
      const t = (await login(h.app, { username: 'dave', password: FACTORY_PASSWORD, totp: await codeAt(h, secret) })).json()
        .token as string;
      expectError(await as(h.app, t, 'DELETE', '/api/v1/me/totp', { password: 'wrong' }), 400, 'validation_failed');
      // A wrong password there counts toward the lockout and is on the record, like any other.
      expect((await auditRows(h, 'auth.totp.remove')).map((r) => r.outcome)).toEqual(['failed']);
      expect((await as(h.app, t, 'DELETE', '/api/v1/me/totp', { password: FACTORY_PASSWORD })).statusCode).toBe(204);
      expect((await login(h.app, { username: 'dave', password: FACTORY_PASSWORD })).statusCode).toBe(200);
    });

    it('admins and auditors must enrol a second factor before anything else; demo accounts are exempt only in demo mode', async () => {
      const h = get();
      await user('erin', ['admin']);
      const res = await login(h.app, { username: 'erin', password: FACTORY_PASSWORD });
      expect(res.json()).toMatchObject({ passwordChangeRequired: false, totpEnrolmentRequired: true });
      const token = res.json().token as string;
      expectError(await as(h.app, token, 'GET', '/api/v1/me'), 403, 'totp_enrolment_required');
      expectError(await as(h.app, token, 'GET', '/api/v1/admin/units'), 403, 'totp_enrolment_required');
      expectError(
        await as(h.app, token, 'POST', '/api/v1/me/password', { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD }),
        403,
        'totp_enrolment_required',
      );
      const start = await as(h.app, token, 'POST', '/api/v1/me/totp');
      expect(start.statusCode, start.body).toBe(200);
      const confirm = await as(h.app, token, 'POST', '/api/v1/me/totp/confirm', { code: await codeAt(h, start.json().secret as string) });
      expect(confirm.statusCode, confirm.body).toBe(200);
      expect((await as(h.app, token, 'GET', '/api/v1/me')).statusCode).toBe(200);
      expectError(await as(h.app, token, 'DELETE', '/api/v1/me/totp', { password: FACTORY_PASSWORD }), 403, 'forbidden');

      // A forced change first, then the enrolment.
      await user('frank', ['auditor'], { mustChangePassword: true });
      const f = await login(h.app, { username: 'frank', password: FACTORY_PASSWORD });
      expect(f.json()).toMatchObject({ passwordChangeRequired: true, totpEnrolmentRequired: false });
      const ft = f.json().token as string;
      expect(
        (await as(h.app, ft, 'POST', '/api/v1/me/password', { currentPassword: FACTORY_PASSWORD, newPassword: NEW_PASSWORD })).statusCode,
      ).toBe(204);
      expectError(await as(h.app, ft, 'GET', '/api/v1/me'), 403, 'totp_enrolment_required');
      expect((await as(h.app, ft, 'GET', '/api/v1/auth/session')).json()).toMatchObject({ restricted: 'totp' });

      await user('demoadmin', ['admin'], { demo: true });
      const d = await login(h.app, { username: 'demoadmin', password: FACTORY_PASSWORD });
      expect(d.json()).toMatchObject({ totpEnrolmentRequired: false });
      expect((await as(h.app, d.json().token as string, 'GET', '/api/v1/me')).statusCode).toBe(200);
      const production = await otherApp(h, { demo: false });
      const p = await login(production, { username: 'demoadmin', password: FACTORY_PASSWORD });
      expect(p.json()).toMatchObject({ totpEnrolmentRequired: true });
    });

    it('a session unused for longer than the idle timeout ends; use keeps it alive', async () => {
      const h = get();
      await user('gina', ['clerk']);
      const token = await tokenOf('gina');
      for (let i = 0; i < 3; i++) {
        h.clock.advance(29 * 60_000);
        expect((await as(h.app, token, 'GET', '/api/v1/me')).statusCode).toBe(200);
      }
      h.clock.advance(31 * 60_000);
      expectError(await as(h.app, token, 'GET', '/api/v1/me'), 401, 'unauthorized');
      expect((await as(h.app, token, 'GET', '/api/v1/auth/session')).json()).toEqual({ user: null, restricted: null });
    });

    it('a page polling in the background does not keep an idle session alive', async () => {
      const h = get();
      await user('gus', ['clerk']);
      const token = await tokenOf('gus');
      const poll = () =>
        h.app.inject({
          method: 'GET',
          url: '/api/v1/cases/queues',
          headers: { authorization: `Bearer ${token}`, 'x-huiyin-background': '1' },
        });
      for (let i = 0; i < 3; i++) {
        h.clock.advance(9 * 60_000);
        expect((await poll()).statusCode).toBe(200);
      }
      // 36 minutes of polling and no person: the session is idle and ends.
      h.clock.advance(9 * 60_000);
      expectError(await poll(), 401, 'unauthorized');
    });

    it('own sessions: listed with address and browser, one ended by id, another user’s is a 404', async () => {
      const h = get();
      await user('hank', ['clerk']);
      await user('ivy', ['clerk']);
      const t1 = await tokenOf('hank');
      h.clock.advance(60_000);
      const t2 = await tokenOf('hank');
      const ivy = await tokenOf('ivy');
      const list = await as(h.app, t2, 'GET', '/api/v1/me/sessions');
      expect(list.statusCode, list.body).toBe(200);
      const items = list.json().items as { id: number; current: boolean; address: string; userAgent: string }[];
      expect(items.map((s) => [s.current, s.address, s.userAgent])).toEqual([
        [true, '10.0.0.1', 'vitest'],
        [false, '10.0.0.1', 'vitest'],
      ]);
      const other = items[1]!.id;
      const ivySession = ((await as(h.app, ivy, 'GET', '/api/v1/me/sessions')).json().items as { id: number }[])[0]!.id;
      expectError(await as(h.app, t2, 'DELETE', `/api/v1/me/sessions/${ivySession}`), 404, 'not_found');
      expectError(await as(h.app, t2, 'DELETE', '/api/v1/me/sessions/abc'), 400, 'validation_failed');
      expect((await as(h.app, ivy, 'GET', '/api/v1/me')).statusCode).toBe(200);
      expect((await as(h.app, t2, 'DELETE', `/api/v1/me/sessions/${other}`)).statusCode).toBe(204);
      expectError(await as(h.app, t1, 'GET', '/api/v1/me'), 401, 'unauthorized');
      expect((await as(h.app, t2, 'GET', '/api/v1/me')).statusCode).toBe(200);
      expect((await auditRows(h, 'auth.session.revoke')).map((r) => [r.actor_name, r.source_ip])).toEqual([['hank', '127.0.0.1']]);
    });

    it('the session cookie is Secure when the public address is https, whatever the request’s scheme', async () => {
      const h = get();
      await user('jack', ['clerk']);
      const plain = await login(h.app, { username: 'jack', password: FACTORY_PASSWORD });
      expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
      const https = await otherApp(h, { publicUrl: 'https://12345.example.gov.cn' });
      const secure = await login(https, { username: 'jack', password: FACTORY_PASSWORD });
      expect(String(secure.headers['set-cookie'])).toMatch(/huiyin_session=.*; Secure/);
      expect(String(secure.headers['set-cookie'])).toMatch(/HttpOnly/);
    });

    it('HUIYIN_DEMO=off: the demo accounts that still have the demo password are named', async () => {
      const h = get();
      await user('demo1', ['clerk'], { demo: true });
      await user('demo2', ['clerk'], { demo: true });
      const t = await tokenOf('demo2');
      expect(
        (await as(h.app, t, 'POST', '/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD })).statusCode,
      ).toBe(204);
      expect(await demoAccountsWithPassword(h.db.db, DEMO_PASSWORD)).toEqual(['demoadmin', 'demo1']);
    });

    it('bad input to sign-in is a 4xx and writes nothing', async () => {
      const h = get();
      const before = await h.db.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      for (const payload of [
        { username: 'x', password: 'y', totp: 'a'.repeat(40) },
        { username: 'x', password: 'y', extra: 1 },
        { username: '', password: 'y' },
        { username: 'x', password: 'y', totp: 123456 },
      ]) {
        expectError(await login(h.app, payload, '10.0.9.9'), 400, 'validation_failed');
      }
      const after = await h.db.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });
  },
  { org: 'none', sessionIdleMinutes: 30 },
);

describe('lock duration', () => {
  it('doubles from 15 minutes up to a day', async () => {
    const { lockDurationMs } = await import('./auth.service.ts');
    expect([0, 1, 2, 6, 7, 30].map((n) => lockDurationMs(n) / 60_000)).toEqual([15, 30, 60, 960, 1440, 1440]);
  });
});
