import { Alert, Form, Input, Radio, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { rectificationKeys } from './rectification-keys.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useApiMutation } from '../../../api/query.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';

/** 申诉复核 of a bad rating: the unit appeals once with its reason; a supervisor decides. */
export function AppealDialog({ id, finding, onCancel, onDone }: { id: number; finding: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const appeal = useApiMutation(
    (reason: string) => api(`/api/v1/rectifications/${id}/appeal`, { method: 'POST', body: { reason } }),
    rectificationKeys,
  );
  async function save(v: { reason?: string }) {
    await appeal.mutateAsync(v.reason?.trim() ?? '');
    onDone();
  }
  return (
    <FormDialog
      form={form}
      title={t('rect.appeal.title')}
      okText={t('submit')}
      fields={['reason']}
      intro={
        <>
          <Typography.Paragraph type="secondary">{finding}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('rect.appeal.hint')}</Typography.Paragraph>
        </>
      }
      onSubmit={save}
      onCancel={onCancel}
    >
      <Form.Item name="reason" label={t('rect.appeal.reason')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormDialog>
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
  async function save(v: { voided?: boolean; note?: string }) {
    await decide.mutateAsync({ voided: v.voided === true, note: v.note?.trim() ?? '' });
    onDone();
  }
  return (
    <FormDialog
      form={form}
      title={t('rect.decide.title')}
      okText={t('submit')}
      fields={['note']}
      initialValues={{ voided: false }}
      intro={reason && <Alert type="info" showIcon title={t('rect.appealReason', { reason })} style={{ marginBottom: 16 }} />}
      onSubmit={save}
      onCancel={onCancel}
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
    </FormDialog>
  );
}
