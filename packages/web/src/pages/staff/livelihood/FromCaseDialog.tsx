import { matterFromCaseSchema, type MatterView } from '@huiyin/core';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { applyApiError, withoutEmpty } from '../../../components/admin/forms.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAreas, useListOptions, validate, lvKeys } from './lv-api.ts';
import { api } from '../../../api/client.ts';
import { useApiMutation } from '../../../api/query.ts';

const fields = ['caseId', 'areaCode', 'title', 'listId'] as const;

/** A matter from a registered case: the case's requester becomes its originator. */
export function FromCaseDialog({
  listId,
  onCancel,
  onDone,
}: {
  listId?: number | undefined;
  onCancel: () => void;
  onDone: (m: MatterView) => void;
}) {
  const { t } = useI18n();
  const areas = useAreas();
  const lists = useListOptions();
  const [form] = Form.useForm();
  const create = useApiMutation((body: unknown) => api<MatterView>('/api/v1/matters/from-case', { method: 'POST', body }), lvKeys.matters);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(v: Record<string, unknown>) {
    setError(null);
    const checked = validate(form, matterFromCaseSchema, withoutEmpty(v), fields);
    if (!('data' in checked)) return setError(checked.error);
    setBusy(true);
    try {
      onDone(await create.mutateAsync(checked.data));
    } catch (e) {
      setError(applyApiError(form, e, t, fields));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('lv.matters.fromCase')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('lv.fromCase.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ listId }} onFinish={(v: Record<string, unknown>) => void save(v)}>
        <Form.Item name="caseId" label={t('lv.fromCase.caseId')} rules={[{ required: true, message: t('admin.required') }]}>
          <InputNumber min={1} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('lv.area')} rules={[{ required: true, message: t('admin.required') }]}>
          <Select options={areas.options} />
        </Form.Item>
        <Form.Item name="title" label={t('lv.matter.title')} extra={t('lv.fromCase.titleHint')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="listId" label={t('lv.list')}>
          <Select allowClear options={lists.options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
