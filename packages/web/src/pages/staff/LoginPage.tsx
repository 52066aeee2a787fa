import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { me, signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (me) return <Navigate to="/admin" replace />;

  async function onFinish(v: { username: string; password: string }) {
    setError(null);
    setBusy(true);
    try {
      await signIn(v.username, v.password);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('signInFailed') : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', paddingTop: 96 }}>
      <Card style={{ maxWidth: 400, margin: '0 auto' }} title={t('appName')} extra={<LangSwitch />}>
        <Typography.Paragraph type="secondary">{t('slogan')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
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
      </Card>
    </div>
  );
}
