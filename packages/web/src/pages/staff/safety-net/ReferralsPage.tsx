import type { ReferralDetail as CoreReferralDetail, ReferralView } from '@huiyin/core';
import { LedgerTable } from '../../../components/LedgerTable.tsx';
import { referralPatchSchema, referralStatuses } from '@huiyin/core';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Result,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../api/session.tsx';
import { applyApiError, checkWith, withoutEmpty, zodRule } from '../../../components/admin/forms.ts';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useApiQuery, useApiMutation } from '../../../api/query.ts';

type Referral = ReferralView;
type ReferralDetail = CoreReferralDetail;

const statusColour: Record<Referral['status'], string> = { open: 'red', investigating: 'gold', concluded: 'green' };

function ReferralDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const patch = useApiMutation(
    (body: unknown) => api(`/api/v1/safety-net/referrals/${id}`, { method: 'PATCH', body }),
    [
      ['safety-net', 'referral', id],
      ['safety-net', 'referrals'],
    ],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Every read of a referral is logged by the server: the log below includes this one.
  const detail = useApiQuery<ReferralDetail>(['safety-net', 'referral', id], `/api/v1/safety-net/referrals/${id}`);
  const r = detail.data;

  async function save(v: Record<string, unknown>) {
    setError(null);
    const body = checkWith(form, referralPatchSchema, withoutEmpty(v));
    if (!body) return;
    setBusy(true);
    try {
      await patch.mutateAsync(body);
      message.success(t('saved'));
    } catch (e) {
      setError(applyApiError(form, e, t, ['status', 'note']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer open onClose={onClose} size={640} title={r ? `${t('ref.title')} · ${r.trackingNo}` : t('loading')} destroyOnHidden>
      {detail.error && <LoadError error={detail.error} onRetry={detail.refetch} />}
      {!r && !detail.error && <Skeleton active />}
      {r && (
        <div data-testid="referral-detail">
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'case', label: t('ref.case'), children: `${r.trackingNo} ${r.caseTitle}` },
              ...(r.caseContent
                ? [{ key: 'content', label: t('content'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.caseContent}</span> }]
                : []),
              { key: 'unit', label: t('sn.staffUnit'), children: r.unit?.name ?? '—' },
              { key: 'staff', label: t('sn.staffName'), children: r.staffName ?? '—' },
              {
                key: 'conduct',
                label: t('sn.conduct'),
                children: r.conduct ? <Tag color="red">{t(`sn.conduct.${r.conduct}` as MessageKey)}</Tag> : '—',
              },
              { key: 'finding', label: t('sn.finding'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.finding}</span> },
              {
                key: 'status',
                label: t('status'),
                children: <Tag color={statusColour[r.status]}>{t(`ref.status.${r.status}` as MessageKey)}</Tag>,
              },
              { key: 'created', label: t('ref.referredAt'), children: formatTime(r.createdAt, lang) },
            ]}
          />
          <Divider titlePlacement="start">{t('ref.update')}</Divider>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form
            form={form}
            layout="vertical"
            initialValues={{ status: r.status, note: r.note ?? undefined }}
            onFinish={(v: Record<string, unknown>) => void save(v)}
          >
            <Form.Item name="status" label={t('status')} rules={[{ required: true, message: t('admin.choose') }]}>
              <Select
                options={referralStatuses.map((s) => ({ value: s, label: t(`ref.status.${s}` as MessageKey) }))}
                style={{ maxWidth: 200 }}
              />
            </Form.Item>
            <Form.Item name="note" label={t('ref.note')} rules={[zodRule(referralPatchSchema.shape.note)]}>
              <Input.TextArea rows={3} showCount maxLength={4000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('save')}
            </Button>
          </Form>
          <Divider titlePlacement="start">{t('ref.views')}</Divider>
          <Typography.Paragraph type="secondary">{t('ref.viewsHint')}</Typography.Paragraph>
          <Table
            size="small"
            rowKey={(v) => `${v.at}-${v.viewer?.id ?? ''}-${v.what}`}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={r.views}
            data-testid="referral-views"
            columns={[
              { title: t('ref.viewer'), dataIndex: ['viewer', 'name'], render: (v?: string) => v ?? '—' },
              {
                title: t('ref.what'),
                dataIndex: 'what',
                width: 120,
                render: (w: string) => (t(`ref.what.${w}` as MessageKey) === `ref.what.${w}` ? w : t(`ref.what.${w}` as MessageKey)),
              },
              { title: t('ref.at'), dataIndex: 'at', width: 180, render: (v: string) => formatTime(v, lang) },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}

/** 移交纪检: the referrals of staff conduct, for discipline inspectors alone (anyone else is told the page does not exist). */
export function ReferralsPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const inspector = me?.roles.includes('inspector') ?? false;
  const list = useApiQuery<{ items: Referral[] }>(['safety-net', 'referrals'], '/api/v1/safety-net/referrals', { enabled: inspector });
  const openId = Number(params.get('open')) || null;
  if (!inspector) return <Result status="404" title={t('notFoundPage')} />;
  return (
    <Card title={t('ref.title')}>
      <LedgerTable<Referral>
        list={list}
        hint={t('ref.hint')}
        x={900}
        columns={[
          {
            title: t('trackingNo'),
            dataIndex: 'trackingNo',
            width: 180,
            render: (v: string, r) => <Typography.Link onClick={() => setParams({ open: String(r.id) })}>{v}</Typography.Link>,
          },
          { title: t('title'), dataIndex: 'caseTitle', ellipsis: true },
          { title: t('sn.staffUnit'), dataIndex: ['unit', 'name'], width: 190, render: (v?: string) => v ?? '—' },
          { title: t('sn.staffName'), dataIndex: 'staffName', width: 100, render: (v: string | null) => v ?? '—' },
          {
            title: t('sn.conduct'),
            dataIndex: 'conduct',
            width: 130,
            render: (c: string | null) => (c ? <Tag color="red">{t(`sn.conduct.${c}` as MessageKey)}</Tag> : '—'),
          },
          {
            title: t('status'),
            dataIndex: 'status',
            width: 100,
            render: (s: Referral['status']) => <Tag color={statusColour[s]}>{t(`ref.status.${s}` as MessageKey)}</Tag>,
          },
          { title: t('ref.referredAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v, lang) },
        ]}
      />
      {openId !== null && <ReferralDrawer id={openId} onClose={() => setParams({})} />}
    </Card>
  );
}
