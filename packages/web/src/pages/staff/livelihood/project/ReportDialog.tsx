import { progressSchema, type ProjectView } from '@huiyin/core';
import { Alert, Flex, Form, Input, InputNumber, Modal, Select, Slider, type UploadFile } from 'antd';
import { useState } from 'react';
import { applyApiError } from '../../../../components/admin/forms.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { filesOf, PhotoPicker } from '../components/PhotoPicker.tsx';
import { lvKeys, uploadPhotos, validate } from '../lv-api.ts';
import { api } from '../../../../api/client.ts';
import { useApiMutation } from '../../../../api/query.ts';

const fields = ['milestoneId', 'percent', 'text'] as const;

/** 报告进展: a milestone, how far it is (0-100), what was done, photos. */
export function ReportDialog({
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
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const report = useApiMutation(
    (body: unknown) => api<ProjectView>(`/api/v1/projects/${project.id}/progress`, { method: 'POST', body }),
    lvKeys.project(project.id),
    () => ['livelihood', 'project', project.id],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = project.milestones.filter((m) => m.percent < 100);
  const first = open[0] ?? project.milestones[0];
  const percent = Form.useWatch('percent', form) as number | undefined;

  async function save(v: Record<string, unknown>) {
    setError(null);
    const checked = validate(form, progressSchema, { milestoneId: v['milestoneId'], percent: v['percent'], text: v['text'] }, fields);
    if (!('data' in checked)) return setError(checked.error);
    setBusy(true);
    try {
      const photoIds = await uploadPhotos(project.id, filesOf(photos));
      const body = { ...checked.data, ...(photoIds.length > 0 ? { photoIds } : {}) };
      onDone(await report.mutateAsync(body));
    } catch (e) {
      setError(applyApiError(form, e, t, fields));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('lv.report.title')}
      width={640}
      okText={t('submit')}
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
        initialValues={{ milestoneId: first?.id, percent: first?.percent ?? 0 }}
        onValuesChange={(changed: Record<string, unknown>) => {
          // Start from the milestone's last reported percent.
          if ('milestoneId' in changed)
            form.setFieldValue('percent', project.milestones.find((m) => m.id === changed['milestoneId'])?.percent ?? 0);
        }}
        onFinish={(v: Record<string, unknown>) => void save(v)}
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
      </Form>
    </Modal>
  );
}
