import type { RecoveryCodes, TotpEnrolment as Enrolment } from '@huiyin/core';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Enrol a TOTP second factor: start (QR code and key), confirm with a code from the app, then the
 * ten recovery codes, shown once, until the user says they saved them.
 */
export function TotpEnrolment({
  onDone,
  askPassword = false,
}: {
  onDone: () => void | Promise<void>;
  /** From a full session the server asks for the password again (the enrolment right after sign-in does not). */
  askPassword?: boolean;
}) {
  const { t } = useI18n();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [password, setPassword] = useState('');

  async function start() {
    setError(null);
    setBusy(true);
    try {
      setEnrolment(
        await api<Enrolment>('/api/v1/me/totp', { method: 'POST', ...(askPassword ? { body: { currentPassword: password } } : {}) }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(v: { code: string }) {
    setError(null);
    setBusy(true);
    try {
      const r = await api<RecoveryCodes>('/api/v1/me/totp/confirm', { method: 'POST', body: { code: v.code.trim() } });
      setCodes(r.recoveryCodes);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 400 ? t('totp.wrong') : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (codes) {
    return (
      <div data-testid="recovery-codes">
        <Typography.Title level={5}>{t('totp.recoveryTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('totp.recoveryHint')}</Typography.Paragraph>
        <pre style={{ background: '#fafafa', padding: 12, border: '1px solid #eee', columns: 2 }}>{codes.join('\n')}</pre>
        <Button type="primary" onClick={() => void onDone()}>
          {t('totp.saved')}
        </Button>
      </div>
    );
  }
  if (!enrolment) {
    return (
      <div>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        {askPassword && (
          <Input.Password
            aria-label={t('password')}
            placeholder={t('password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            style={{ width: 220, marginRight: 8 }}
          />
        )}
        <Button type="primary" onClick={() => void start()} loading={busy} disabled={askPassword && password === ''}>
          {t('totp.start')}
        </Button>
      </div>
    );
  }
  return (
    <div data-testid="totp-enrolment">
      <Typography.Paragraph>{t('totp.scan')}</Typography.Paragraph>
      <img src={enrolment.qrDataUrl} alt="otpauth QR" width={200} height={200} />
      <Typography.Paragraph copyable={{ text: enrolment.secret }}>
        <code data-testid="totp-secret">{enrolment.secret}</code>
      </Typography.Paragraph>
      {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
      <Form layout="inline" onFinish={confirm} requiredMark={false}>
        <Form.Item name="code" label={t('totp.code')} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/ }]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('totp.confirm')}
        </Button>
      </Form>
    </div>
  );
}
