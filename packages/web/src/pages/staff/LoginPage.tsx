import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { ChangePasswordForm } from '../../components/account/ChangePasswordForm.tsx';
import { TotpEnrolment } from '../../components/account/TotpEnrolment.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';

interface Credentials {
  username: string;
  password: string;
}

/** Where to go after signing in: the page the user was headed for (only a path of the workbench), or /admin. */
function destination(next: string | null): string {
  return next && next.startsWith('/admin') && !next.startsWith('/admin/login') && !next.startsWith('//') ? next : '/admin';
}

/**
 * Sign-in: username and password, then the second factor's code when the account has one; a
 * locked account or a throttled address is told until when. A session that must first change the
 * password or enrol the second factor does that here, before anything else.
 */
export function LoginPage() {
  const { t, lang } = useI18n();
  const { me, restricted, signIn, signOut, refresh } = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The password was right and the account has a second factor: ask for the code. */
  const [pending, setPending] = useState<Credentials | null>(null);
  if (me) return <Navigate to={destination(params.get('next'))} replace />;

  function explain(e: unknown): string {
    if (!(e instanceof ApiError)) return (e as Error).message;
    if (e.code === 'account_locked' && typeof e.details['lockedUntil'] === 'string')
      return t('signin.locked', { time: formatTime(e.details['lockedUntil'], lang) });
    if (e.code === 'rate_limited' && typeof e.details['retryAt'] === 'string')
      return t('signin.throttled', { time: formatTime(e.details['retryAt'], lang) });
    if (e.status === 401 && pending) return t('signin.totpWrong');
    if (e.status === 401) return t('signInFailed');
    return e.message;
  }

  async function attempt(c: Credentials, totp?: string) {
    setError(null);
    setBusy(true);
    try {
      await signIn(c.username, c.password, totp);
      setPending(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp_required') setPending(c);
      else setError(explain(e));
    } finally {
      setBusy(false);
    }
  }

  let body;
  if (restricted?.restricted === 'password') {
    body = (
      <>
        <Alert type="warning" title={t('signin.mustChange')} style={{ marginBottom: 16 }} showIcon />
        <ChangePasswordForm username={restricted.user.username} onChanged={refresh} />
      </>
    );
  } else if (restricted?.restricted === 'totp') {
    body = (
      <>
        <Alert type="warning" title={t('signin.mustEnrol')} style={{ marginBottom: 16 }} showIcon />
        <TotpEnrolment onDone={refresh} />
      </>
    );
  } else if (pending) {
    body = (
      <Form layout="vertical" onFinish={(v: { totp: string }) => attempt(pending, v.totp.trim())} requiredMark={false} key="totp">
        <Form.Item name="totp" label={t('signin.totp')} extra={t('signin.totpHint')} rules={[{ required: true }]}>
          <Input autoComplete="one-time-code" autoFocus maxLength={32} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signIn')}
        </Button>
        <Button
          type="link"
          block
          onClick={() => {
            setPending(null);
            setError(null);
          }}
        >
          {t('signin.back')}
        </Button>
      </Form>
    );
  } else {
    body = (
      <Form layout="vertical" onFinish={(v: Credentials) => attempt(v)} requiredMark={false} key="password">
        <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signIn')}
        </Button>
      </Form>
    );
  }

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', paddingTop: 96 }}>
      <Card
        style={{ maxWidth: restricted ? 520 : 400, margin: '0 auto' }}
        title={t('appName')}
        extra={
          <>
            {restricted && (
              <Button type="link" onClick={() => void signOut()}>
                {t('signOut')}
              </Button>
            )}
            <LangSwitch />
          </>
        }
      >
        <Typography.Paragraph type="secondary">{t('slogan')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon data-testid="login-error" />}
        {body}
      </Card>
    </div>
  );
}
