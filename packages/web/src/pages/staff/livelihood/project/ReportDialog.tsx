import { progressSchema } from '@huiyin/core';
import { Flex, Form, Input, InputNumber, Select, Slider, type UploadFile } from 'antd';
import { useState } from 'react';
import { FormDialog } from '../../../../components/FormDialog.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { filesOf, PhotoPicker } from '../components/PhotoPicker.tsx';
import { uploadPhotos, valid, useProjectStep, type ProjectDialogProps } from '../lv-api.ts';

const fields = ['milestoneId', 'percent', 'text'] as const;

/** 报告进展: a milestone, how far it is (0-100), what was done, photos. */
export function ReportDialog({ project, onCancel, onDone }: ProjectDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const report = useProjectStep(project, 'progress');
  const open = project.milestones.filter((m) => m.percent < 100);
  const first = open[0] ?? project.milestones[0];
  const percent = Form.useWatch('percent', form) as number | undefined;

  async function save(v: Record<string, unknown>) {
    const data = valid(form, progressSchema, { milestoneId: v['milestoneId'], percent: v['percent'], text: v['text'] }, fields);
    const photoIds = await uploadPhotos(project.id, filesOf(photos));
    onDone(await report.mutateAsync({ ...data, ...(photoIds.length > 0 ? { photoIds } : {}) }));
  }

  return (
    <FormDialog
      form={form}
      title={t('lv.report.title')}
      width={640}
      okText={t('submit')}
      fields={fields}
      onSubmit={save}
      onCancel={onCancel}
      initialValues={{ milestoneId: first?.id, percent: first?.percent ?? 0 }}
      onValuesChange={(changed) => {
        // Start from the milestone's last reported percent.
        if ('milestoneId' in changed)
          form.setFieldValue('percent', project.milestones.find((m) => m.id === changed['milestoneId'])?.percent ?? 0);
      }}
    >
      <Form.Item name="milestoneId" label={t('lv.ms.one')} rules={[{ required: true, message: t('admin.required') }]}>
        <Select
          options={project.milestones.map((m) => ({ value: m.id, label: `${m.title}（${m.plannedDate}，${m.percent}%）` }))}
          data-testid="report-milestone"
        />
      </Form.Item>
      <Form.Item label={t('lv.report.percent')} required>
        <Flex gap={16} align="center">
          <Form.Item name="percent" noStyle>
            <Slider min={0} max={100} style={{ flex: 1 }} />
          </Form.Item>
          <InputNumber<number>
            min={0}
            max={100}
            value={percent ?? 0}
            onChange={(v) => form.setFieldValue('percent', v ?? 0)}
            suffix="%"
            aria-label={t('lv.report.percent')}
            data-testid="report-percent"
          />
        </Flex>
      </Form.Item>
      <Form.Item name="text" label={t('lv.report.text')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item label={t('lv.photo.label')}>
        <PhotoPicker value={photos} onChange={setPhotos} />
      </Form.Item>
    </FormDialog>
  );
}
