import { matterInputSchema, type MatterView, type SimilarMatter } from '@huiyin/core';
import { Alert, Button, DatePicker, Divider, Form, Input, Modal, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { applyApiError, withoutEmpty } from '../../../components/admin/forms.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { OriginatorsField } from './components/OriginatorsField.tsx';
import { RegionPicker } from './components/RegionPicker.tsx';
import { SimilarTable } from './components/SimilarTable.tsx';
import { day, useAreas, useListOptions, useLvRoles, validate, lvKeys } from './lv-api.ts';
import { api } from '../../../api/client.ts';
import { useApiMutation } from '../../../api/query.ts';

const fields = ['title', 'description', 'regionCode', 'areaCode', 'listId', 'collectedOn', 'collectedBy', 'originators'] as const;
type Body = ReturnType<typeof matterInputSchema.parse>;

/**
 * 新增事项: the matter and who raised it. Before saving, likely duplicates are shown (score and
 * shared words): the user opens the existing matter or saves anyway.
 */
export function NewMatterDialog(props: {
  listId?: number | undefined;
  onCancel: () => void;
  onOpen: (id: number) => void;
  onDone: (m: MatterView) => void;
}) {
  const { t } = useI18n();
  const { home } = useLvRoles();
  const areas = useAreas();
  const lists = useListOptions();
  const [form] = Form.useForm();
  // Similar matters already on record, asked before saving (a question, not a change).
  const findSimilar = useApiMutation((body: unknown) =>
    api<{ items: SimilarMatter[] }>('/api/v1/matters/similar', { method: 'POST', body }),
  );
  const create = useApiMutation((body: unknown) => api<MatterView>('/api/v1/matters', { method: 'POST', body }), lvKeys.matters);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [similar, setSimilar] = useState<{ items: SimilarMatter[]; body: Body } | null>(null);

  async function save(body: Body) {
    setBusy(true);
    setError(null);
    try {
      props.onDone(await create.mutateAsync(body));
    } catch (e) {
      setSimilar(null);
      setError(applyApiError(form, e, t, fields));
    } finally {
      setBusy(false);
    }
  }

  async function check(v: Record<string, unknown>) {
    setError(null);
    const originators = ((v['originators'] as Record<string, unknown>[] | undefined) ?? []).map((o) =>
      withoutEmpty({ ...o, creditCode: typeof o['creditCode'] === 'string' ? o['creditCode'].toUpperCase() : undefined }),
    );
    const checked = validate(form, matterInputSchema, withoutEmpty({ ...v, collectedOn: day(v['collectedOn']), originators }), fields, {
      name: t('admin.required'),
      phone: t('lv.orig.phoneBad'),
      address: t('lv.orig.householdHint'),
      creditCode: t('lv.orig.creditCodeBad'),
    });
    if (!('data' in checked)) return setError(checked.error);
    const body = checked.data;
    setBusy(true);
    try {
      const r = await findSimilar.mutateAsync(
        withoutEmpty({ title: body.title, description: body.description, regionCode: body.regionCode }),
      );
      if (r.items.length > 0) setSimilar({ items: r.items, body });
      else await save(body);
    } catch (e) {
      setError(applyApiError(form, e, t, fields));
    } finally {
      setBusy(false);
    }
  }

  const footer = similar ? (
    <Space wrap>
      <Button onClick={() => setSimilar(null)}>{t('lv.similar.back')}</Button>
      <Button type="primary" loading={busy} onClick={() => void save(similar.body)} data-testid="save-anyway">
        {t('lv.similar.saveAnyway')}
      </Button>
    </Space>
  ) : (
    <Space wrap>
      <Button onClick={props.onCancel}>{t('cancel')}</Button>
      <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="matter-save">
        {t('save')}
      </Button>
    </Space>
  );

  return (
    <Modal open title={t('lv.matters.new')} width={820} footer={footer} onCancel={props.onCancel} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {similar && (
        <div data-testid="similar-check">
          <Alert
            type="warning"
            showIcon
            title={t('lv.similar.found', { n: similar.items.length })}
            description={t('lv.similar.foundHint')}
            style={{ marginBottom: 12 }}
          />
          <SimilarTable
            testId="similar-list"
            items={similar.items}
            actions={(m) => (
              <Button size="small" onClick={() => props.onOpen(m.id)}>
                {t('lv.similar.open')}
              </Button>
            )}
          />
        </div>
      )}
      <Form
        form={form}
        layout="vertical"
        style={similar ? { display: 'none' } : undefined}
        initialValues={{ regionCode: home || undefined, listId: props.listId, collectedOn: dayjs(), originators: [{ kind: 'person' }] }}
        onFinish={(v: Record<string, unknown>) => void check(v)}
      >
        <Form.Item name="title" label={t('lv.matter.title')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="description" label={t('lv.matter.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="regionCode" label={t('lv.region')} rules={[{ required: true, message: t('admin.required') }]}>
            <RegionPicker style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="areaCode" label={t('lv.area')} rules={[{ required: true, message: t('admin.required') }]}>
            <Select options={areas.options} style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space wrap size={16} align="start">
          <Form.Item name="listId" label={t('lv.list')} extra={t('lv.matter.listHint')}>
            <Select allowClear options={lists.options} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item name="collectedOn" label={t('lv.matter.collectedOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="collectedBy" label={t('lv.matter.collectedBy')}>
            <Input maxLength={100} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start" plain>
          {t('lv.matter.originators')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('lv.orig.hint')}</Typography.Paragraph>
        <OriginatorsField form={form} />
      </Form>
    </Modal>
  );
}
