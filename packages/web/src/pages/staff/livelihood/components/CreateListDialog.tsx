import { batchName, listInputSchema, type ListView } from '@huiyin/core';
import { Form, Input, InputNumber } from 'antd';
import { FormDialog } from '../../../../components/FormDialog.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { valid, lvKeys } from '../lv-api.ts';
import { api } from '../../../../api/client.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { useApiMutation } from '../../../../api/query.ts';

const fields = ['regionCode', 'title', 'batch', 'year'] as const;

/** A new list (清单) of a region: its batch (第一批 …) and year. */
export function CreateListDialog({
  regionCode,
  onCancel,
  onDone,
}: {
  regionCode: string;
  onCancel: () => void;
  onDone: (l: ListView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const create = useApiMutation((body: unknown) => api<ListView>('/api/v1/livelihood/lists', { method: 'POST', body }), lvKeys.lists);
  const batch = Form.useWatch('batch', form) as number | undefined;

  return (
    <FormDialog
      form={form}
      title={t('lv.list.create')}
      fields={fields}
      initialValues={{ regionCode, batch: 1, year: new Date().getFullYear() }}
      onSubmit={async (v) => onDone(await create.mutateAsync(valid(form, listInputSchema, v, fields)))}
      onCancel={onCancel}
    >
      <Form.Item name="regionCode" label={t('lv.region')} rules={[{ required: true, message: t('admin.required') }]}>
        <RegionPicker />
      </Form.Item>
      <Form.Item name="title" label={t('lv.list.titleField')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
        <Input maxLength={100} placeholder={t('lv.list.titleHint')} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item name="year" label={t('lv.year')} rules={[{ required: true, message: t('admin.required') }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="batch"
          label={t('lv.batch')}
          rules={[{ required: true, message: t('admin.required') }]}
          extra={batch ? t('lv.batchN', { n: batch, name: batchName(batch) }) : undefined}
        >
          <InputNumber min={1} max={99} precision={0} />
        </Form.Item>
      </div>
    </FormDialog>
  );
}
