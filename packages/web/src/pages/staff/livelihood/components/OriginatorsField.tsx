import { originatorKinds } from '@huiyin/core';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, type FormInstance } from 'antd';
import { useI18n } from '../../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../../i18n/messages.ts';

/** Kinds a form may add; a case becomes an originator through 从工单生成. */
const formKinds = originatorKinds.filter((k) => k !== 'case');

function OriginatorRow({ form, name, onRemove }: { form: FormInstance; name: number; onRemove?: (() => void) | undefined }) {
  const { t } = useI18n();
  const kind = (Form.useWatch(['originators', name, 'kind'], form) as string | undefined) ?? 'person';
  const required = { required: true, whitespace: true, message: t('admin.required') };
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="originator-row">
      <Flex gap={8} wrap align="start">
        <Form.Item name={[name, 'kind']} label={t('lv.orig.kind')} style={{ width: 120, marginBottom: 8 }}>
          <Select options={formKinds.map((k) => ({ value: k, label: t(`lv.kind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item
          name={[name, 'name']}
          label={t(`lv.orig.name.${kind}` as MessageKey)}
          rules={[required]}
          style={{ flex: '1 1 140px', marginBottom: 8 }}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name={[name, 'phone']}
          label={t('phone')}
          rules={kind === 'person' ? [required] : []}
          style={{ flex: '1 1 140px', marginBottom: 8 }}
        >
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
        {kind !== 'person' && (
          <Form.Item
            name={[name, 'address']}
            label={t('address')}
            style={{ flex: '2 1 200px', marginBottom: 8 }}
            extra={kind === 'household' ? t('lv.orig.householdHint') : undefined}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
        {kind === 'enterprise' && (
          <Form.Item name={[name, 'creditCode']} label={t('lv.orig.creditCode')} style={{ flex: '1 1 200px', marginBottom: 8 }}>
            <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        )}
        {onRemove && (
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={onRemove}
            aria-label={t('lv.orig.remove')}
            style={{ marginTop: 30 }}
          />
        )}
      </Flex>
    </Card>
  );
}

/** Who raised the matter: people (with a phone), households (an address or a phone), enterprises. */
export function OriginatorsField({ form }: { form: FormInstance }) {
  const { t } = useI18n();
  return (
    <Form.List name="originators">
      {(rows, { add, remove }) => (
        <>
          {rows.map((r) => (
            <OriginatorRow key={r.key} form={form} name={r.name} onRemove={rows.length > 1 ? () => remove(r.name) : undefined} />
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'person' })} data-testid="add-originator">
            {t('lv.orig.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
