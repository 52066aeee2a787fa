import { projectInputSchema, type ListView, type MatterListItem, type ProjectView } from '@huiyin/core';
import { Alert, DatePicker, Divider, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useUnits } from '../../../api/resources.ts';
import { applyApiError, withoutEmpty } from '../../../components/admin/forms.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { MilestonesEditor, milestoneInputs, type MilestoneRow } from './components/MilestonesEditor.tsx';
import { day, useAreas, validate, lvKeys } from './lv-api.ts';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dueDate = day(Form.useWatch('dueDate', form));
  const first = matters.find((m) => m.id === matterIds[0]);

  async function save(v: Record<string, unknown>) {
    setError(null);
    const body = withoutEmpty({
      ...v,
      listId: list.id,
      startDate: day(v['startDate']),
      dueDate: day(v['dueDate']),
      milestones: milestoneInputs(v['milestones'] as MilestoneRow[] | undefined),
    });
    const checked = validate(form, projectInputSchema, body, fields, {
      reason: t('lv.ms.reasonNeeded'),
      dueDate: t('lv.project.dueBeforeStart'),
    });
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
      title={t('lv.project.new')}
      width={860}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      okButtonProps={{ ...({ 'data-testid': 'project-save' } as object) }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ matterIds, title: first?.title, areaCode: first?.areaCode, milestones: [] }}
        onFinish={(v: Record<string, unknown>) => void save(v)}
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
      </Form>
    </Modal>
  );
}
