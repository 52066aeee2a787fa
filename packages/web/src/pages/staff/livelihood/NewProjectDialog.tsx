import { projectInputSchema, type ListView, type MatterListItem, type ProjectView } from '@huiyin/core';
import { DatePicker, Divider, Form, Input, InputNumber, Select, Space } from 'antd';
import { api } from '../../../api/client.ts';
import { useUnits } from '../../../api/resources.ts';
import { withoutEmpty } from '../../../components/admin/forms.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { MilestonesEditor, milestoneInputs, type MilestoneRow } from './components/MilestonesEditor.tsx';
import { day, useAreas, valid, lvKeys } from './lv-api.ts';
import { useApiMutation } from '../../../api/query.ts';

const fields = ['title', 'description', 'areaCode', 'leadUnitId', 'budget', 'startDate', 'dueDate', 'matterIds', 'milestones'] as const;

/** 新建候选项目: a candidate project answering matters of the list, with its milestones. */
export function NewProjectDialog({
  list,
  matters,
  matterIds,
  onCancel,
  onDone,
}: {
  list: ListView;
  matters: MatterListItem[];
  matterIds: number[];
  onCancel: () => void;
  onDone: (p: ProjectView) => void;
}) {
  const { t } = useI18n();
  const areas = useAreas();
  const [form] = Form.useForm();
  const units = useUnits();
  const create = useApiMutation(
    (body: unknown) => api<ProjectView>('/api/v1/projects', { method: 'POST', body }),
    (p) => lvKeys.project(p.id),
  );
  const dueDate = day(Form.useWatch('dueDate', form));
  const first = matters.find((m) => m.id === matterIds[0]);

  async function save(v: Record<string, unknown>) {
    const body = withoutEmpty({
      ...v,
      listId: list.id,
      startDate: day(v['startDate']),
      dueDate: day(v['dueDate']),
      milestones: milestoneInputs(v['milestones'] as MilestoneRow[] | undefined),
    });
    const data = valid(form, projectInputSchema, body, fields, {
      reason: t('lv.ms.reasonNeeded'),
      dueDate: t('lv.project.dueBeforeStart'),
    });
    onDone(await create.mutateAsync(data));
  }

  return (
    <FormDialog
      form={form}
      title={t('lv.project.new')}
      width={860}
      fields={fields}
      initialValues={{ matterIds, title: first?.title, areaCode: first?.areaCode, milestones: [] }}
      modal={{ okButtonProps: { ...({ 'data-testid': 'project-save' } as object) } }}
      onSubmit={save}
      onCancel={onCancel}
    >
      <Form.Item name="matterIds" label={t('lv.project.matters')} rules={[{ required: true, message: t('admin.required') }]}>
        <Select
          mode="multiple"
          options={matters.map((m) => ({ value: m.id, label: `#${m.id} ${m.title}` }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item name="title" label={t('lv.project.title')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('lv.project.description')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Space wrap size={16} align="start">
        <Form.Item name="areaCode" label={t('lv.area')}>
          <Select allowClear options={areas.options} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={t('lv.project.leadUnit')}>
          <Select
            allowClear
            options={units.map((u) => ({ value: u.id, label: u.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item name="budget" label={t('lv.project.budget')}>
          <InputNumber min={0} max={10_000_000} style={{ width: 140 }} />
        </Form.Item>
      </Space>
      <Space wrap size={16} align="start">
        <Form.Item name="startDate" label={t('lv.project.startDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="dueDate" label={t('lv.project.dueDate')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Divider titlePlacement="start" plain>
        {t('lv.ms.title.plural')}
      </Divider>
      <MilestonesEditor form={form} dueDate={dueDate} />
    </FormDialog>
  );
}
