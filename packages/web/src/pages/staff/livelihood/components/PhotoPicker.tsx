import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useI18n } from '../../../../i18n/i18n.tsx';

export const MAX_PHOTOS = 9;

/** Up to nine photos chosen on the device; uploaded with the form that uses them. */
export function PhotoPicker({ value, onChange }: { value: UploadFile[]; onChange: (files: UploadFile[]) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Upload
      listType="picture-card"
      accept="image/*"
      multiple
      fileList={value}
      beforeUpload={(file) => {
        if (!file.type.startsWith('image/')) {
          void message.error(t('lv.photo.notImage', { name: file.name }));
          return Upload.LIST_IGNORE;
        }
        return false;
      }}
      onChange={({ fileList }) => onChange(fileList.slice(0, MAX_PHOTOS))}
      data-testid="photo-picker"
    >
      {value.length < MAX_PHOTOS && (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 4 }}>{t('lv.photo.add')}</div>
        </button>
      )}
    </Upload>
  );
}

/** The chosen files as File objects, for the upload. */
export const filesOf = (list: UploadFile[]): File[] => list.flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));
