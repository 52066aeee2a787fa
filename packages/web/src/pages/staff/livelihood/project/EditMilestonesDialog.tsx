import { milestonesPutSchema } from '@huiyin/core';
import { Form, Typography } from 'antd';
import { FormDialog, FormInvalid } from '../../../../components/FormDialog.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { MilestonesEditor, milestoneInputs, milestoneRows, type MilestoneRow } from '../components/MilestonesEditor.tsx';
import { valid, useProjectStep, type ProjectDialogProps } from '../lv-api.ts';

/** Change a project's milestones; those kept keep their reports. */
export function EditMilestonesDialog({ project, onCancel, onDone }: ProjectDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const put = useProjectStep(project, 'milestones', 'PUT');
  async function save(v: { milestones?: MilestoneRow[] }) {
    const milestones = milestoneInputs(v.milestones);
    if (milestones.length === 0) throw new FormInvalid(t('lv.ms.needOne'));
    onDone(await put.mutateAsync(valid(form, milestonesPutSchema, { milestones }, ['milestones'], { reason: t('lv.ms.reasonNeeded') })));
  }

  return (
    <FormDialog<{ milestones?: MilestoneRow[] }>
      form={form}
      title={t('lv.ms.edit')}
      width={860}
      fields={['milestones']}
      intro={
        project.dueDate && <Typography.Paragraph type="secondary">{t('lv.ms.dueHint', { date: project.dueDate })}</Typography.Paragraph>
      }
      initialValues={{ milestones: milestoneRows(project.milestones) }}
      onSubmit={save}
      onCancel={onCancel}
    >
      <MilestonesEditor form={form} dueDate={project.dueDate ?? undefined} />
    </FormDialog>
  );
}
