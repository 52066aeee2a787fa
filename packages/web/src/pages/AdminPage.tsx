import { Alert, Button, Card, Form, Input, Layout, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LangSwitch } from './LangSwitch.tsx';

interface Me {
  username: string;
  displayName: string;
  roles: string[];
  units: { id: number; name: string }[];
}

interface CaseItem {
  id: number;
  trackingNo: string;
  title: string;
  status: string;
  answerBy: string;
  dueState: 'ok' | 'near' | 'overdue' | null;
}

/** Staff entry: sign-in and the cases in the signed-in user's scope. The full workbench is issue 3. */
export function AdminPage() {
  const { t, lang } = useI18n();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [cases, setCases] = useState<CaseItem[] | null>(null);

  useEffect(() => {
    api<Me>('/api/v1/me', { lang }).then(setMe, () => setMe(null));
  }, [lang]);

  useEffect(() => {
    if (!me) return;
    api<{ items: CaseItem[] }>('/api/v1/cases?pageSize=50', { lang }).then((r) => setCases(r.items), (e: Error) => setError(e.message));
  }, [me, lang]);

  async function signIn(values: { username: string; password: string }) {
    setError(null);
    try {
      const r = await api<{ user: Me }>('/api/v1/auth/login', { method: 'POST', body: values, lang });
      setMe(r.user);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('signInFailed') : (e as Error).message);
    }
  }

  async function signOut() {
    await api('/api/v1/auth/logout', { method: 'POST', lang });
    setMe(null);
    setCases(null);
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          {t('appName')}
        </Typography.Title>
        <Space>
          {me && <span style={{ color: '#fff' }}>{me.displayName}</span>}
          {me && <Button onClick={signOut}>{t('signOut')}</Button>}
          <LangSwitch />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
        {me === undefined && t('loading')}
        {me === null && (
          <Card title={t('signIn')} style={{ maxWidth: 400, margin: '48px auto' }}>
            <Form layout="vertical" onFinish={signIn}>
              <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block>
                {t('signIn')}
              </Button>
            </Form>
          </Card>
        )}
        {me && (
          <Card title={t('myCases')}>
            <Table<CaseItem>
              rowKey="id"
              loading={cases === null}
              dataSource={cases ?? []}
              locale={{ emptyText: t('empty') }}
              columns={[
                { title: t('trackingNo'), dataIndex: 'trackingNo' },
                { title: t('title'), dataIndex: 'title' },
                { title: t('status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`status.${s}` as MessageKey)}</Tag> },
                {
                  title: t('deadline'),
                  dataIndex: 'answerBy',
                  render: (v: string, r) => (
                    <span style={{ color: r.dueState === 'overdue' ? '#cf1322' : r.dueState === 'near' ? '#d48806' : undefined }}>
                      {new Date(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' })}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        )}
      </Layout.Content>
    </Layout>
  );
}
