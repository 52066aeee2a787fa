import { matterFromCaseSchema, type MatterView } from '@huiyin/core';
import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { withoutEmpty } from '../../../components/admin/forms.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAreas, useListOptions, valid, lvKeys } from './lv-api.ts';
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

  return (
    <FormDialog
      form={form}
      title={t('lv.matters.fromCase')}
      fields={fields}
      intro={<Typography.Paragraph type="secondary">{t('lv.fromCase.hint')}</Typography.Paragraph>}
      initialValues={{ listId }}
      onSubmit={async (v) => onDone(await create.mutateAsync(valid(form, matterFromCaseSchema, withoutEmpty(v), fields)))}
      onCancel={onCancel}
    >
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
    </FormDialog>
  );
}
