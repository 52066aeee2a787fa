import { SearchOutlined } from '@ant-design/icons';
import { trackingNoSchema, trackQuerySchema } from '@huiyin/core';
import { Button, Form, Input } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { zodRule } from './zodRule.ts';

export interface TrackValues {
  trackingNo: string;
  phone: string;
}

/** Full-width digits and dashes (Chinese input methods) and stray spaces become plain ones. */
const plain = (v: unknown) =>
  typeof v === 'string'
    ? v
        .normalize('NFKC')
        .replace(/\s+/g, '')
        .replace(/[‐‑‒–—―]/g, '-')
    : v;

/** Tracking number + the last 4 digits of the phone, checked with the API's own schemas. `initial` is read once (remount with a key to change it). */
export function TrackForm({
  initial,
  loading,
  onSearch,
}: {
  initial: Partial<TrackValues>;
  loading: boolean;
  onSearch: (v: TrackValues) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<TrackValues>();
  return (
    <Form<TrackValues> form={form} layout="vertical" initialValues={initial} onFinish={onSearch} requiredMark={false}>
      <Form.Item
        name="trackingNo"
        label={t('trackingNo')}
        normalize={plain}
        rules={[zodRule(trackingNoSchema, { required: t('fieldRequired', { field: t('trackingNo') }), message: t('trackingNoInvalid') })]}
      >
        <Input placeholder="140802-2026-000001" inputMode="text" autoComplete="off" spellCheck={false} maxLength={30} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('phoneLast4')}
        normalize={plain}
        rules={[
          zodRule(trackQuerySchema.shape.phone, {
            required: t('fieldRequired', { field: t('phoneLast4') }),
            message: t('phoneLast4Invalid'),
          }),
        ]}
      >
        <Input maxLength={4} inputMode="numeric" autoComplete="off" placeholder="1234" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={loading} icon={<SearchOutlined />}>
        {t('query')}
      </Button>
    </Form>
  );
}
