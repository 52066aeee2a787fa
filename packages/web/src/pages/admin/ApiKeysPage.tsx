import type { ApiKeyIssued, ApiKeyView } from '@huiyin/core';
import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiMutation, useApiQuery } from '../../api/query.ts';
import { ConfirmLink } from '../../components/admin/ConfirmLink.tsx';
import { LoadError } from '../../components/admin/LoadError.tsx';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';

/**
 * 接口密钥: the system admin issues the keys the telephony system announces calls with. A new key is
 * shown once, in a dialog; the list shows the name, the prefix, when it was created and last used.
 */
export function ApiKeysPage() {
  const { t, lang } = useI18n();
  const keys = useApiQuery<{ items: ApiKeyView[] }>(['api-keys'], '/api/v1/admin/api-keys');
  const issue = useApiMutation(
    (name: string) => api<ApiKeyIssued>('/api/v1/admin/api-keys', { method: 'POST', body: { name } }),
    [['api-keys']],
  );
  const revoke = useApiMutation((id: number) => api<ApiKeyView>(`/api/v1/admin/api-keys/${id}/revoke`, { method: 'POST' }), [['api-keys']]);
  const [form] = Form.useForm<{ name: string }>();
  const [issued, setIssued] = useState<ApiKeyIssued | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(v: { name: string }) {
    setError(null);
    try {
      setIssued(await issue.mutateAsync(v.name.trim()));
      form.resetFields();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (keys.error) return <LoadError error={keys.error} onRetry={() => keys.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('apikeys.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('apikeys.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <Form form={form} layout="inline" onFinish={create}>
        <Form.Item name="name" label={t('apikeys.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100 }]}>
          <Input style={{ width: 280 }} maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={issue.isPending}>
          {t('apikeys.new')}
        </Button>
      </Form>
      <Table<ApiKeyView>
        rowKey="id"
        size="small"
        loading={keys.isLoading}
        dataSource={keys.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('apikeys.name'), dataIndex: 'name' },
          { title: t('apikeys.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: t('apikeys.created'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          {
            title: t('apikeys.lastUsed'),
            dataIndex: 'lastUsedAt',
            render: (v: string | null) => (v ? formatTime(v, lang) : t('apikeys.never')),
          },
          {
            title: t('apikeys.status'),
            dataIndex: 'revokedAt',
            render: (v: string | null) => (v ? <Tag>{t('apikeys.revoked')}</Tag> : <Tag color="green">{t('apikeys.active')}</Tag>),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, k) =>
              k.revokedAt ? null : (
                <ConfirmLink title={t('apikeys.revokeConfirm')} onConfirm={() => revoke.mutateAsync(k.id)}>
                  {t('apikeys.revoke')}
                </ConfirmLink>
              ),
          },
        ]}
      />
      <Modal
        destroyOnHidden
        open={issued !== null}
        title={t('apikeys.shownOnce')}
        onCancel={() => setIssued(null)}
        onOk={() => setIssued(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph copyable={{ text: issued?.key ?? '' }} data-testid="issued-key" code style={{ wordBreak: 'break-all' }}>
          {issued?.key}
        </Typography.Paragraph>
      </Modal>
    </Space>
  );
}
