import { assignSchema, type cadresSchema, type ProjectView } from '@huiyin/core';
import type { z } from 'zod';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useUnits } from '../../../../api/resources.ts';
import { applyApiError, withoutEmpty } from '../../../../components/admin/forms.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { day, validate, lvKeys } from '../lv-api.ts';
import { api, query } from '../../../../api/client.ts';
import { useApiMutation, useApiQuery } from '../../../../api/query.ts';

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
export function AssignDialog({
  project,
  onCancel,
  onDone,
}: {
  project: ProjectView;
  onCancel: () => void;
  onDone: (p: ProjectView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const cadres = useCadres(project.regionCode.slice(0, 6));
  const units = useUnits();
  const assign = useApiMutation(
    (body: unknown) => api<ProjectView>(`/api/v1/projects/${project.id}/assign`, { method: 'POST', body }),
    lvKeys.project(project.id),
    () => ['livelihood', 'project', project.id],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(v: Record<string, unknown>) {
    setError(null);
    const checked = validate(form, assignSchema, withoutEmpty({ ...v, dueDate: day(v['dueDate']) }), fields);
    if (!('data' in checked)) return setError(checked.error);
    setBusy(true);
    try {
      onDone(await assign.mutateAsync(checked.data));
    } catch (e) {
      setError(applyApiError(form, e, t, fields));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('lv.assign.title')}
      okText={t('lv.assign.ok')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          cadreUserId: project.cadre?.id,
          leadUnitId: project.leadUnit?.id,
          dueDate: project.dueDate ? dayjs(project.dueDate) : undefined,
        }}
        onFinish={(v: Record<string, unknown>) => void save(v)}
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
      </Form>
    </Modal>
  );
}
