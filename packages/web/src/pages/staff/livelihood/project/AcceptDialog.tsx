import { acceptSchema } from '@huiyin/core';
import { Alert, Form, Input, Typography, type UploadFile } from 'antd';
import { useState } from 'react';
import { withoutEmpty } from '../../../../components/admin/forms.ts';
import { FormDialog, FormInvalid } from '../../../../components/FormDialog.tsx';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { filesOf, PhotoPicker } from '../components/PhotoPicker.tsx';
import { UnansweredTable, type Unanswered } from '../components/UnansweredTable.tsx';
import { uploadPhotos, valid, useProjectStep, type ProjectDialogProps } from '../lv-api.ts';
import { ApiError } from '../../../../api/client.ts';

const fields = ['findings', 'checkers', 'answer'] as const;

/**
 * 验收销号: what the check found, who checked, photos, and (optionally) the answer sent first to
 * everyone not yet told. While anyone remains unanswered the server refuses: the dialog stays
 * open and lists them, with why the answer cannot reach them.
 */
export function AcceptDialog({ project, onCancel, onDone }: ProjectDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [photoIds, setPhotoIds] = useState<number[] | null>(null);
  const accept = useProjectStep(project, 'accept');
  const [unanswered, setUnanswered] = useState<Unanswered[] | null>(null);

  async function save(v: Record<string, unknown>) {
    setUnanswered(null);
    const data = valid(form, acceptSchema, withoutEmpty(v), fields);
    try {
      // Photos go up once, even when the acceptance is refused and tried again.
      const ids = photoIds ?? (await uploadPhotos(project.id, filesOf(photos)));
      setPhotoIds(ids);
      onDone(await accept.mutateAsync({ ...data, ...(ids.length > 0 ? { photoIds: ids } : {}) }));
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'originators_unanswered')) throw e;
      // Who is still unanswered is listed instead of the refusal's text.
      setUnanswered((e.details['unanswered'] as Unanswered[] | undefined) ?? []);
      throw new FormInvalid();
    }
  }

  return (
    <FormDialog
      form={form}
      title={t('lv.accept.title')}
      width={760}
      okText={t('lv.accept.ok')}
      fields={fields}
      onSubmit={save}
      onCancel={onCancel}
      intro={
        unanswered && (
          <Alert
            data-testid="accept-refused"
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('lv.accept.unanswered', { n: unanswered.length })}
            description={
              <>
                <Typography.Paragraph style={{ marginBottom: 8 }}>{t('lv.accept.unansweredHint')}</Typography.Paragraph>
                <UnansweredTable testId="accept-unanswered" items={unanswered} />
              </>
            }
          />
        )
      }
    >
      <Form.Item
        name="findings"
        label={t('lv.accept.findings')}
        rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="checkers" label={t('lv.accept.checkers')}>
        <Input maxLength={500} placeholder={t('lv.accept.checkersHint')} />
      </Form.Item>
      <Form.Item label={t('lv.photo.label')}>
        <PhotoPicker
          value={photos}
          onChange={(f) => {
            setPhotos(f);
            setPhotoIds(null);
          }}
        />
      </Form.Item>
      <Form.Item name="answer" label={t('lv.accept.answer')} extra={t('lv.accept.answerHint')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}
