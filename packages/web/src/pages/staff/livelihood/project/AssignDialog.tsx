import { assignSchema, type cadresSchema } from '@huiyin/core';
import type { z } from 'zod';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useUnits } from '../../../../api/resources.ts';
import { withoutEmpty } from '../../../../components/admin/forms.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { day, valid, useProjectStep, type ProjectDialogProps } from '../lv-api.ts';
import { query } from '../../../../api/client.ts';
import { useApiQuery } from '../../../../api/query.ts';
import { FormDialog } from '../../../../components/FormDialog.tsx';

/** A cadre (leader) of GET /api/v1/cadres. */
export type Cadre = z.infer<typeof cadresSchema>['items'][number];

/** The cadres (leaders) of a region and below, as choices. */
export function useCadres(regionCode: string) {
  const cadres =
    useApiQuery<{ items: Cadre[] }>(['livelihood', 'cadres', { regionCode }], `/api/v1/cadres${query({ regionCode })}`, {
      enabled: !!regionCode,
    }).data?.items ?? [];
  return cadres.map((c) => ({ value: c.id, label: c.unitName ? `${c.name} · ${c.unitName}` : c.name }));
}

const fields = ['cadreUserId', 'dueDate', 'leadUnitId', 'requirements'] as const;

/** 交办: the project goes to a responsible cadre by letter, with a due date and requirements. */
export function AssignDialog({ project, onCancel, onDone }: ProjectDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const cadres = useCadres(project.regionCode.slice(0, 6));
  const units = useUnits();
  const assign = useProjectStep(project, 'assign');

  async function save(v: Record<string, unknown>) {
    const data = valid(form, assignSchema, withoutEmpty({ ...v, dueDate: day(v['dueDate']) }), fields);
    onDone(await assign.mutateAsync(data));
  }

  return (
    <FormDialog
      form={form}
      title={t('lv.assign.title')}
      okText={t('lv.assign.ok')}
      fields={fields}
      initialValues={{
        cadreUserId: project.cadre?.id,
        leadUnitId: project.leadUnit?.id,
        dueDate: project.dueDate ? dayjs(project.dueDate) : undefined,
      }}
      onSubmit={save}
      onCancel={onCancel}
    >
      <Form.Item name="cadreUserId" label={t('lv.project.cadre')} rules={[{ required: true, message: t('admin.required') }]}>
        <Select options={cadres} showSearch={{ optionFilterProp: 'label' }} data-testid="cadre-select" />
      </Form.Item>
      <Form.Item name="dueDate" label={t('lv.project.dueDate')} rules={[{ required: true, message: t('admin.required') }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="leadUnitId" label={t('lv.project.leadUnit')}>
        <Select allowClear options={units.map((u) => ({ value: u.id, label: u.name }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="requirements" label={t('lv.assign.requirements')}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormDialog>
  );
}
