import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { rectificationKeys } from './rectification-keys.ts';
import { applyApiError } from '../../../components/admin/forms.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useApiMutation } from '../../../api/query.ts';

/** 申诉复核 of a bad rating: the unit appeals once with its reason; a supervisor decides. */
export function AppealDialog({ id, finding, onCancel, onDone }: { id: number; finding: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const appeal = useApiMutation(
    (reason: string) => api(`/api/v1/rectifications/${id}/appeal`, { method: 'POST', body: { reason } }),
    rectificationKeys,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save(v: { reason?: string }) {
    setBusy(true);
    setError(null);
    try {
      await appeal.mutateAsync(v.reason?.trim() ?? '');
      onDone();
    } catch (e) {
      setError(applyApiError(form, e, t, ['reason']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('rect.appeal.title')}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{finding}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('rect.appeal.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v: { reason?: string }) => void save(v)}>
        <Form.Item
          name="reason"
          label={t('rect.appeal.reason')}
          rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DecideAppealDialog({
  id,
  reason,
  onCancel,
  onDone,
}: {
  id: number;
  reason: string | null;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const decide = useApiMutation(
    (body: { voided: boolean; note: string }) => api(`/api/v1/rectifications/${id}/appeal-decision`, { method: 'POST', body }),
    rectificationKeys,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save(v: { voided?: boolean; note?: string }) {
    setBusy(true);
    setError(null);
    try {
      await decide.mutateAsync({ voided: v.voided === true, note: v.note?.trim() ?? '' });
      onDone();
    } catch (e) {
      setError(applyApiError(form, e, t, ['note']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('rect.decide.title')}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {reason && <Alert type="info" showIcon title={t('rect.appealReason', { reason })} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ voided: false }}
        onFinish={(v: { voided?: boolean; note?: string }) => void save(v)}
      >
        <Form.Item name="voided">
          <Radio.Group
            options={[
              { value: false, label: t('rect.decide.stands') },
              { value: true, label: t('rect.decide.voided') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('rect.decide.note')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
