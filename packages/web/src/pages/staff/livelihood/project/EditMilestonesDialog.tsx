import { milestonesPutSchema, type ProjectView } from '@huiyin/core';
import { Alert, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyApiError } from '../../../../components/admin/forms.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { MilestonesEditor, milestoneInputs, milestoneRows, type MilestoneRow } from '../components/MilestonesEditor.tsx';
import { validate, lvKeys } from '../lv-api.ts';
import { api } from '../../../../api/client.ts';
import { useApiMutation } from '../../../../api/query.ts';

/** Change a project's milestones; those kept keep their reports. */
export function EditMilestonesDialog({
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
  const put = useApiMutation(
    (body: unknown) => api<ProjectView>(`/api/v1/projects/${project.id}/milestones`, { method: 'PUT', body }),
    lvKeys.project(project.id),
    () => ['livelihood', 'project', project.id],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(v: { milestones?: MilestoneRow[] }) {
    setError(null);
    const milestones = milestoneInputs(v.milestones);
    if (milestones.length === 0) return setError(t('lv.ms.needOne'));
    const checked = validate(form, milestonesPutSchema, { milestones }, ['milestones'], { reason: t('lv.ms.reasonNeeded') });
    if (!('data' in checked)) return setError(checked.error);
    setBusy(true);
    try {
      onDone(await put.mutateAsync(checked.data));
    } catch (e) {
      setError(applyApiError(form, e, t, ['milestones']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('lv.ms.edit')}
      width={860}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {project.dueDate && <Typography.Paragraph type="secondary">{t('lv.ms.dueHint', { date: project.dueDate })}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ milestones: milestoneRows(project.milestones) }}
        onFinish={(v: { milestones?: MilestoneRow[] }) => void save(v)}
      >
        <MilestonesEditor form={form} dueDate={project.dueDate ?? undefined} />
      </Form>
    </Modal>
  );
}
