import {
  caseTypes,
  channels,
  createCaseSchema,
  failedMatterSchema,
  safetyNetRegisterKinds,
  type CaseRegistered,
  type HotlineCallView,
} from '@huiyin/core';
import { Alert, App, Button, Card, Cascader, DatePicker, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { api, ApiError } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useCategories, useRegions, useUnits } from '../../api/resources.ts';
import { zodRule } from '../../forms/zodRule.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useApiMutation, useApiQuery } from '../../api/query.ts';
import { CallerHistory, useCallerHistory } from './CallerHistory.tsx';
import { RegisterOutcome, outcomeBody, type Outcome } from './RegisterOutcome.tsx';

const shape = createCaseSchema.shape;
const requesterShape = (shape.requester as unknown as z.ZodObject<{ name: z.ZodType; phone: z.ZodType }>).shape;
const matterShape = failedMatterSchema.shape;

interface RegionOption {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: RegionOption[];
}

/** The failed matter as the API takes it: empty fields left out, the time as an ISO string. */
function matterOf(v: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v ?? {})) {
    if (val === undefined || val === null || (typeof val === 'string' && val.trim() === '')) continue;
    out[k] = k === 'failedAt' ? (val as Dayjs).toISOString() : typeof val === 'string' ? val.trim() : val;
  }
  return out;
}

/**
 * Registration at the window, on the hotline or at the safety-net window, by intake staff. A new
 * call popped while the form is open starts a fresh form (keyed by the call), never mixing two callers.
 */
export function RegisterCasePage() {
  const [params] = useSearchParams();
  return <RegisterCaseForm key={params.get('callId') ?? ''} />;
}

function RegisterCaseForm() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  // A second submit of a popped form: the case already registered from the call.
  const [taken, setTaken] = useState<{ id: number; no: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const home = me?.units[0]?.regionCode ?? '140802';
  // Officers of the safety-net window register its matters; everyone else starts at the regular window.
  const officer = me?.roles.includes('safety_net_officer') ?? false;
  const channel = Form.useWatch('channel', form) as string | undefined;
  const safetyNet = channel === 'safety_net';
  // A call the telephony system announced opens this form with the call id; the caller's number is
  // read from the agent's own call (never carried in the address, which the browser keeps).
  const [params] = useSearchParams();
  const callId = params.get('callId') ?? undefined;
  const popped = useApiQuery<HotlineCallView>(['hotline-call', callId], `/api/v1/hotline/calls/${encodeURIComponent(callId ?? '')}`, {
    enabled: callId !== undefined,
    retry: false,
  });
  const callerNumber = popped.data?.callerNumber;
  useEffect(() => {
    if (callerNumber && !form.getFieldValue('phone')) form.setFieldValue('phone', callerNumber);
  }, [callerNumber, form]);
  const phone = Form.useWatch('phone', form) as string | undefined;
  const outcome = (Form.useWatch('outcome', form) as Outcome | undefined) ?? 'register';
  const history = useCallerHistory(phone);
  const openCases = (history.data?.items ?? []).filter((c) => c.open);

  const categories = useCategories();
  const units = useUnits();
  const townships = useRegions(home.slice(0, 6)).data?.items;
  const regions: RegionOption[] = townships
    ? [
        { value: home.slice(0, 6), label: t('reg.wholeCounty'), isLeaf: true },
        ...townships.map((x) => ({ value: x.code, label: x.name, isLeaf: true })),
      ]
    : [];
  const register = useApiMutation(
    (body: unknown) => api<CaseRegistered>('/api/v1/cases', { method: 'POST', body }),
    [['cases'], ['queues']],
  );

  const categoryTree = categories
    .filter((c) => c.parentCode === null)
    .map((p) => ({
      value: p.code,
      label: lang === 'zh' ? p.nameZh : p.nameEn,
      children: categories
        .filter((c) => c.parentCode === p.code)
        .map((c) => ({ value: c.code, label: lang === 'zh' ? c.nameZh : c.nameEn })),
    }));

  async function onFinish(v: Record<string, unknown>) {
    setError(null);
    setTaken(null);
    const category = v['category'] as string[] | undefined;
    const body = {
      type: v['type'],
      channel: v['channel'],
      title: v['title'] || undefined,
      content: v['content'],
      categoryCode: category ? category[category.length - 1] : undefined,
      regionCode: v['regionCode'],
      address: v['address'] || undefined,
      urgent: v['urgent'] === true,
      requester: { name: v['name'] || undefined, phone: v['phone'] },
      callId: v['callId'] || undefined,
      recordingUrl: v['recordingUrl'] || undefined,
      ...(v['channel'] === 'safety_net' ? {} : outcomeBody(v)),
      ...(v['channel'] === 'safety_net'
        ? {
            failedMatter: matterOf(v['failedMatter'] as Record<string, unknown> | undefined),
            safetyNetKind: v['safetyNetKind'],
          }
        : {}),
    };
    const check = createCaseSchema.safeParse(body);
    if (!check.success) {
      const named = check.error.issues.filter((i) => i.path[0] === 'failedMatter' && i.path.length > 1);
      if (named.length > 0)
        form.setFields(named.map((i) => ({ name: i.path.map((x) => (typeof x === 'symbol' ? String(x) : x)), errors: [i.message] })));
      const rest = check.error.issues.filter((i) => !named.includes(i));
      if (rest.length > 0) setError(rest.map((i) => `${i.path.join('.')}: ${i.message}`).join('；'));
      return;
    }
    setBusy(true);
    try {
      const r = await register.mutateAsync(body);
      const done = r.status === 'replied' ? 'hotline.answered' : r.status === 'reply_review' ? 'hotline.refused' : 'reg.done';
      message.success(t(done, { no: r.trackingNo }));
      void navigate(`/admin/cases/${r.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && typeof e.details['trackingNo'] === 'string') {
        setTaken({ id: Number(e.details['caseId']), no: e.details['trackingNo'] });
      } else if (e instanceof ApiError && e.fields.length > 0) {
        const named: Record<string, string> = {
          'requester.phone': 'phone',
          'answerNow.text': 'answerText',
          'refuse.text': 'refuseText',
          'refuse.reasonCode': 'refuseReason',
          'refuse.linkedCaseId': 'refuseLinked',
          linkedCaseId: 'refuseLinked',
          text: outcome === 'refuse' ? 'refuseText' : 'answerText',
        };
        form.setFields(e.fields.map((f) => ({ name: named[f.path] ?? f.path.split('.'), errors: [f.message] })));
      } else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('reg.title')} style={{ maxWidth: 880 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          type: callId ? 'consultation' : 'help',
          channel: officer ? 'safety_net' : callId ? 'hotline' : 'window',
          phone: callerNumber,
          callId,
          outcome: 'register',
          regionCode: home.slice(0, 6),
          urgent: false,
          safetyNetKind: 'general',
        }}
      >
        {callId && (
          <Alert type="info" showIcon data-testid="from-call" title={t('hotline.fromCall', { id: callId })} style={{ marginBottom: 16 }} />
        )}
        {callId && popped.isError && (
          <Alert
            type="warning"
            showIcon
            data-testid="call-unknown"
            title={t('hotline.callUnknown', { id: callId })}
            style={{ marginBottom: 16 }}
          />
        )}
        {taken && (
          <Alert
            type="error"
            showIcon
            data-testid="call-taken"
            title={
              <>
                {t('hotline.callTaken')} <Link to={`/admin/cases/${taken.id}`}>{taken.no}</Link>
              </>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Form.Item name="name" label={t('name')} rules={[zodRule(requesterShape.name)]}>
          <Input maxLength={50} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('phone')}
          rules={[{ required: true, message: t('reg.phoneRequired') }, zodRule(requesterShape.phone)]}
        >
          <Input style={{ width: 240 }} inputMode="tel" />
        </Form.Item>
        {!safetyNet && (
          <CallerHistory
            {...history}
            onLinkRepeat={(id) => form.setFieldsValue({ outcome: 'refuse', refuseReason: 'repeat_of_open', refuseLinked: id })}
          />
        )}
        <Form.Item name="type" label={t('type')} rules={[zodRule(shape.type)]}>
          <Radio.Group optionType="button" options={caseTypes.map((x) => ({ value: x, label: t(`type.${x}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('channel')} rules={[zodRule(shape.channel)]}>
          <Select
            style={{ width: 240 }}
            options={channels
              .filter((c) => c !== 'open311' && c !== 'web' && c !== 'h5')
              .map((x) => ({ value: x, label: t(`channel.${x}` as MessageKey) }))}
          />
        </Form.Item>
        {safetyNet && (
          <Card
            size="small"
            type="inner"
            title={t('reg.failedMatter')}
            style={{ marginBottom: 24, background: '#fffbf0' }}
            data-testid="failed-matter"
          >
            <Typography.Paragraph type="secondary">{t('reg.failedMatterHint')}</Typography.Paragraph>
            <Form.Item
              name={['failedMatter', 'name']}
              label={t('sn.matterName')}
              required
              rules={[zodRule(matterShape.name, { required: t('reg.matterRequired') })]}
            >
              <Input maxLength={100} placeholder={t('reg.matterHint')} />
            </Form.Item>
            <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
              <Form.Item
                name={['failedMatter', 'unitId']}
                label={t('sn.originUnit')}
                rules={[zodRule(matterShape.unitId)]}
                style={{ minWidth: 280, flex: '1 1 280px' }}
              >
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={units.map((u) => ({ value: u.id, label: u.name }))}
                  aria-label={t('sn.originUnit')}
                />
              </Form.Item>
              <Form.Item
                name={['failedMatter', 'window']}
                label={t('sn.window')}
                rules={[zodRule(matterShape.window)]}
                style={{ minWidth: 200, flex: '1 1 200px' }}
              >
                <Input maxLength={100} placeholder={t('reg.windowHint')} />
              </Form.Item>
            </div>
            <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
              <Form.Item name={['failedMatter', 'failedAt']} label={t('sn.failedAt')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(new Date())} />
              </Form.Item>
              <Form.Item name={['failedMatter', 'visits']} label={t('sn.visits')} rules={[zodRule(matterShape.visits)]}>
                <InputNumber min={1} max={99} precision={0} style={{ width: 120 }} suffix={t('reg.times')} />
              </Form.Item>
              <Form.Item name="safetyNetKind" label={t('sn.kind')} extra={t('reg.kindHint')}>
                <Radio.Group
                  optionType="button"
                  options={safetyNetRegisterKinds.map((k) => ({ value: k, label: t(`sn.kind.${k}` as MessageKey) }))}
                />
              </Form.Item>
            </div>
            <Form.Item
              name={['failedMatter', 'whatWasSaid']}
              label={t('sn.whatWasSaid')}
              rules={[zodRule(matterShape.whatWasSaid)]}
              style={{ marginBottom: 0 }}
            >
              <Input.TextArea rows={2} showCount maxLength={2000} placeholder={t('reg.saidHint')} />
            </Form.Item>
          </Card>
        )}
        <Form.Item name="category" label={t('category')}>
          <Cascader options={categoryTree} style={{ width: 320 }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('region')} rules={[zodRule(shape.regionCode)]}>
          <Select style={{ width: 320 }} showSearch optionFilterProp="label" options={regions} />
        </Form.Item>
        <Form.Item name="title" label={t('title')} rules={[zodRule(shape.title)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('content')}
          rules={[{ required: true, message: t('reg.contentRequired') }, zodRule(shape.content)]}
        >
          <Input.TextArea rows={5} showCount maxLength={10000} />
        </Form.Item>
        <Form.Item name="address" label={t('address')} rules={[zodRule(shape.address)]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="urgent" label={t('reg.urgent')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {channel === 'hotline' && (
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item name="callId" label={t('hotline.callId')} rules={[zodRule(shape.callId)]}>
              <Input style={{ width: 240 }} maxLength={100} />
            </Form.Item>
            <Form.Item
              name="recordingUrl"
              label={t('hotline.recordingUrl')}
              rules={[zodRule(shape.recordingUrl)]}
              style={{ flex: '1 1 320px' }}
            >
              <Input maxLength={500} placeholder="https://" />
            </Form.Item>
          </div>
        )}
        {!safetyNet && <RegisterOutcome openCases={openCases} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {outcome === 'answer' && !safetyNet
            ? t('hotline.submit.answer')
            : outcome === 'refuse' && !safetyNet
              ? t('hotline.submit.refuse')
              : t('reg.submit')}
        </Button>
      </Form>
    </Card>
  );
}
