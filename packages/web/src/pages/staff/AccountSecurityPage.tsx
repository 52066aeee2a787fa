import type { MySecurity, MySession, MySessionList } from '@huiyin/core';
import { App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiMutation, useApiQuery } from '../../api/query.ts';
import { useSession } from '../../api/session.tsx';
import { ChangePasswordForm } from '../../components/account/ChangePasswordForm.tsx';
import { TotpEnrolment } from '../../components/account/TotpEnrolment.tsx';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';

const securityKey = ['me', 'security'];
const sessionsKey = ['me', 'sessions'];

/** The signed-in user's own security: password, second factor, sessions. */
export function AccountSecurityPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const security = useApiQuery<MySecurity>(securityKey, '/api/v1/me/security');
  const sessions = useApiQuery<MySessionList>(sessionsKey, '/api/v1/me/sessions');
  const [enrolling, setEnrolling] = useState(false);
  const end = useApiMutation((id: number) => api(`/api/v1/me/sessions/${id}`, { method: 'DELETE' }), [sessionsKey]);
  const remove = useApiMutation((password: string) => api('/api/v1/me/totp', { method: 'DELETE', body: { password } }), [securityKey]);
  if (!me) return null;
  const s = security.data;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('account.title')}
      </Typography.Title>

      <Card title={t('password.change')}>
        {s?.passwordChangedAt && (
          <Typography.Paragraph type="secondary">
            {t('account.passwordChangedAt', { time: formatTime(s.passwordChangedAt, lang) })}
          </Typography.Paragraph>
        )}
        <ChangePasswordForm
          username={me.username}
          onChanged={async () => {
            void message.success(t('password.changed'));
            await Promise.all([security.refetch(), sessions.refetch()]);
          }}
        />
      </Card>

      <Card
        title={t('totp.title')}
        extra={
          s && (
            <Space>
              <Tag color={s.totpEnabled ? 'green' : 'default'} data-testid="totp-state">
                {s.totpEnabled ? t('totp.on') : t('totp.off')}
              </Tag>
              {s.totpRequired && <Tag color="orange">{t('totp.required')}</Tag>}
            </Space>
          )
        }
      >
        {s && !s.totpEnabled && (
          <TotpEnrolment
            askPassword
            key={String(enrolling)}
            onDone={async () => {
              setEnrolling(!enrolling);
              await security.refetch();
            }}
          />
        )}
        {s?.totpEnabled && !s.totpRequired && (
          <Form
            layout="inline"
            requiredMark={false}
            onFinish={async (v: { password: string }) => {
              try {
                await remove.mutateAsync(v.password);
                void message.success(t('totp.removed'));
              } catch (e) {
                void message.error((e as Error).message);
              }
            }}
          >
            <Form.Item name="password" label={t('totp.removePassword')} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button danger htmlType="submit" loading={remove.isPending}>
              {t('totp.remove')}
            </Button>
          </Form>
        )}
      </Card>

      <Card title={t('sessions.title')}>
        <Table<MySession>
          rowKey="id"
          size="small"
          loading={sessions.isLoading}
          dataSource={sessions.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('sessions.created'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
            { title: t('sessions.lastSeen'), dataIndex: 'lastSeenAt', render: (v: string | null) => formatTime(v, lang) },
            { title: t('sessions.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
            {
              title: t('sessions.browser'),
              dataIndex: 'userAgent',
              ellipsis: true,
              render: (v: string | null) => v ?? '—',
            },
            {
              key: 'end',
              width: 120,
              render: (_, row) =>
                row.current ? (
                  <Tag color="blue">{t('sessions.current')}</Tag>
                ) : (
                  <Popconfirm title={t('sessions.endConfirm')} onConfirm={() => end.mutateAsync(row.id)}>
                    <Button size="small" danger>
                      {t('sessions.end')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
