import { gapRuleSchema } from '@huiyin/core';
import { trackingNoColumn } from '../../../components/LedgerTable.tsx';
import { Alert, App, Button, Flex, Form, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../api/session.tsx';
import { applyApiError, zodRule } from '../../../components/admin/forms.ts';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { StatusTag } from '../../../components/StatusTag.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { Gaps } from './analysis-types.ts';
import { useApiQuery, useApiMutation } from '../../../api/query.ts';

type GapCase = Gaps['items'][number]['cases'][number];

function unitName(u: GapCase['originUnit']): string {
  if (!u) return '—';
  return typeof u === 'string' ? u : u.name;
}

/** 服务缺口: a matter that failed at the windows at least `threshold` times within `windowDays`, with its cases. */
export function GapsTab() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const admin = me?.roles.includes('admin') ?? false;
  const gaps = useApiQuery<Gaps>(['safety-net', 'gaps'], '/api/v1/safety-net/gaps');
  const [editing, setEditing] = useState(false);
  const putRule = useApiMutation(
    (body: { threshold: number; windowDays: number }) => api('/api/v1/safety-net/gap-rule', { method: 'PUT', body }),
    [['safety-net', 'gaps']],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const rule = gaps.data?.rule;

  async function saveRule(v: { threshold: number; windowDays: number }) {
    setBusy(true);
    setError(null);
    try {
      await putRule.mutateAsync({ threshold: v.threshold, windowDays: v.windowDays });
      message.success(t('saved'));
      setEditing(false);
    } catch (e) {
      setError(applyApiError(form, e, t, ['threshold', 'windowDays']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {gaps.error && <LoadError error={gaps.error} onRetry={gaps.refetch} />}
      {rule && !editing && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('sna.gapRule', { days: rule.windowDays, n: rule.threshold })}
          action={
            admin ? (
              <Button size="small" onClick={() => setEditing(true)} data-testid="edit-gap-rule">
                {t('sna.changeRule')}
              </Button>
            ) : undefined
          }
        />
      )}
      {rule && editing && (
        <Form
          form={form}
          layout="inline"
          initialValues={rule}
          onFinish={(v: { threshold: number; windowDays: number }) => void saveRule(v)}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item
            name="windowDays"
            label={t('sna.windowDays')}
            rules={[zodRule(gapRuleSchema.shape.windowDays, { required: t('admin.required') })]}
          >
            <InputNumber min={1} max={3660} precision={0} suffix={t('sna.days')} />
          </Form.Item>
          <Form.Item
            name="threshold"
            label={t('sna.threshold')}
            rules={[zodRule(gapRuleSchema.shape.threshold, { required: t('admin.required') })]}
          >
            <InputNumber min={2} max={1000} precision={0} suffix={t('sna.times')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('save')}
          </Button>
          <Button onClick={() => setEditing(false)} style={{ marginInlineStart: 8 }}>
            {t('cancel')}
          </Button>
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
        </Form>
      )}
      <Table<Gaps['items'][number]>
        // Mounted again once the gaps arrive, so every gap opens with its cases.
        key={gaps.data ? 'loaded' : 'loading'}
        rowKey="matterKey"
        size="middle"
        loading={gaps.isFetching}
        dataSource={gaps.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('sna.noGaps') }}
        expandable={{
          defaultExpandAllRows: true,
          expandedRowRender: (g) => (
            <Table<GapCase>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={g.cases}
              columns={[
                trackingNoColumn(t('trackingNo'), 180, (r) => r.id),
                { title: t('title'), dataIndex: 'title', ellipsis: true },
                { title: t('sn.originUnit'), dataIndex: 'originUnit', width: 200, render: unitName },
                { title: t('status'), dataIndex: 'status', width: 110, render: (s: string) => <StatusTag status={s} /> },
                {
                  title: t('sn.outcome'),
                  dataIndex: 'outcome',
                  width: 100,
                  render: (o: string | null) => (o ? t(`sn.outcome.${o}` as MessageKey) : '—'),
                },
                {
                  title: t('sn.rootCause'),
                  dataIndex: 'rootCause',
                  width: 140,
                  render: (k: string | null) => (k ? t(`sn.cause.${k}` as MessageKey) : '—'),
                },
                { title: t('createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v, lang) },
              ]}
            />
          ),
        }}
        columns={[
          {
            title: t('sn.matterName'),
            dataIndex: 'matterName',
            render: (v: string) => (
              <Flex gap={8} align="center">
                <Typography.Text strong>{v}</Typography.Text>
                <Tag color="red">{t('sna.gap')}</Tag>
              </Flex>
            ),
          },
          { title: t('sna.failures'), dataIndex: 'count', width: 100, align: 'right' },
          { title: t('sna.firstAt'), dataIndex: 'firstAt', width: 180, render: (v: string) => formatTime(v, lang) },
          { title: t('sna.lastAt'), dataIndex: 'lastAt', width: 180, render: (v: string) => formatTime(v, lang) },
        ]}
      />
    </>
  );
}
