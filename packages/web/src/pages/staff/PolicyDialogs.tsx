import { policyInputSchema, policyLevels, policyPatchSchema } from '@huiyin/core';
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { api, apiSend, type ApiRequest } from '../../api/client.ts';
import type { PolicyArticle, Unit } from '../../api/types.ts';
import { checkWith, withoutEmpty, zodRule } from '../../components/admin/forms.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useApiMutation, policyKeys } from '../../api/query.ts';
import { FormDialog, FormInvalid } from '../../components/FormDialog.tsx';

const inputShape = (policyInputSchema as unknown as z.ZodObject<Record<string, z.ZodType>>).shape;
const fields = ['title', 'docNumber', 'issuer', 'level', 'articleNo', 'body', 'effectiveFrom', 'repealedOn', 'tags', 'unitIds'] as const;
const editable = ['title', 'body', 'repealedOn', 'tags', 'unitIds'] as const;

const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : undefined);

/**
 * Add an article to the policy library, or edit one: a new article takes every field of
 * policyInputSchema; an existing one changes only what policyPatchSchema allows (its title,
 * text, tags, units and repeal date); the document number and article number name it.
 */
export function PolicyDialog({
  editing,
  units,
  onCancel,
  onDone,
}: {
  editing?: PolicyArticle | undefined;
  units: Unit[];
  onCancel: () => void;
  onDone: (saved: PolicyArticle) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const put = useApiMutation((r: ApiRequest) => apiSend<PolicyArticle>(r), policyKeys);
  const required = t('admin.required');
  const rule = (name: string, isRequired = false) => zodRule(inputShape[name]!, isRequired ? { required } : {});

  async function save(v: Record<string, unknown>) {
    const values: Record<string, unknown> = { ...v, effectiveFrom: day(v['effectiveFrom']), repealedOn: day(v['repealedOn']) };
    let body: Record<string, unknown> | null;
    if (editing) {
      const patch: Record<string, unknown> = withoutEmpty(Object.fromEntries(editable.map((k) => [k, values[k]])));
      // Clearing the repeal date lifts a repeal entered by mistake.
      if (!values['repealedOn'] && editing.repealedOn) patch['repealedOn'] = null;
      body = checkWith(form, policyPatchSchema, patch);
    } else {
      body = checkWith(form, policyInputSchema, withoutEmpty(Object.fromEntries(fields.map((k) => [k, values[k]]))));
    }
    if (!body) throw new FormInvalid();
    const saved = await put.mutateAsync({
      path: editing ? `/api/v1/policies/${editing.id}` : '/api/v1/policies',
      method: editing ? 'PATCH' : 'POST',
      body,
    });
    onDone(saved);
  }

  return (
    <FormDialog
      form={form}
      title={editing ? t('policy.edit') : t('policy.add')}
      width={720}
      fields={fields}
      initialValues={
        editing
          ? {
              ...editing,
              effectiveFrom: editing.effectiveFrom ? dayjs(editing.effectiveFrom) : undefined,
              repealedOn: editing.repealedOn ? dayjs(editing.repealedOn) : undefined,
            }
          : { level: 'normative' }
      }
      onSubmit={save}
      onCancel={onCancel}
    >
      <Form.Item name="title" label={t('policy.titleField')} rules={[rule('title', true)]}>
        <Input maxLength={200} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item name="docNumber" label={t('policy.docNumber')} rules={[rule('docNumber', true)]} style={{ flex: '1 1 220px' }}>
          <Input maxLength={100} disabled={!!editing} />
        </Form.Item>
        <Form.Item name="articleNo" label={t('policy.articleNo')} rules={[rule('articleNo')]} style={{ flex: '0 1 160px' }}>
          <Input maxLength={50} disabled={!!editing} placeholder={t('policy.articleNoHint')} />
        </Form.Item>
      </div>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item name="issuer" label={t('policy.issuer')} rules={[rule('issuer', true)]} style={{ flex: '1 1 220px' }}>
          <Input maxLength={100} disabled={!!editing} />
        </Form.Item>
        <Form.Item name="level" label={t('policy.level')} style={{ flex: '0 1 160px' }}>
          <Select disabled={!!editing} options={policyLevels.map((l) => ({ value: l, label: t(`policy.level.${l}` as MessageKey) }))} />
        </Form.Item>
      </div>
      <Form.Item name="body" label={t('policy.body')} rules={[rule('body', true)]}>
        <Input.TextArea rows={8} showCount maxLength={20000} />
      </Form.Item>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <Form.Item name="effectiveFrom" label={t('policy.effectiveFrom')}>
          <DatePicker disabled={!!editing} />
        </Form.Item>
        <Form.Item name="repealedOn" label={t('policy.repealedOn')} extra={t('policy.repealedOnHint')}>
          <DatePicker />
        </Form.Item>
      </div>
      <Form.Item name="tags" label={t('policy.tags')} rules={[rule('tags')]}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} placeholder={t('policy.tagsHint')} />
      </Form.Item>
      <Form.Item name="unitIds" label={t('policy.units')} rules={[rule('unitIds')]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
    </FormDialog>
  );
}

/** Repeal an article from a date: it stays in the library, flagged, and cases that cite it show it in red. */
export function RepealDialog({ article, onCancel, onDone }: { article: PolicyArticle; onCancel: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const repeal = useApiMutation(
    (repealedOn: string) => api(`/api/v1/policies/${article.id}`, { method: 'PATCH', body: { repealedOn } }),
    policyKeys,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    if (!date) return;
    setBusy(true);
    setError(null);
    try {
      await repeal.mutateAsync(date.format('YYYY-MM-DD'));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('policy.repeal')}
      okText={t('confirm')}
      okButtonProps={{ danger: true, disabled: !date }}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph>{t('policy.repealHint', { title: article.title })}</Typography.Paragraph>
      <DatePicker value={date} onChange={setDate} aria-label={t('policy.repealedOn')} />
    </Modal>
  );
}
