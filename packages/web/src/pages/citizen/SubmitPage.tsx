import { PlusOutlined } from '@ant-design/icons';
import { caseTypes, publicCreateCaseSchema, type CaseType } from '@huiyin/core';
import { Alert, App, Button, Card, Form, Input, Radio, Select, TreeSelect, Typography, Upload, type UploadFile } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { useRegions } from '../../api/resources.ts';
import { useApiQuery, useApiMutation } from '../../api/query.ts';
import { CitizenShell } from '../../components/citizen/CitizenShell.tsx';
import {
  usePublicConfig,
  rememberLast4,
  uploadPhotos,
  type Category,
  type PublicConfig,
  type Submitted,
} from '../../components/citizen/citizen-api.ts';
import { LocationPicker } from '../../components/citizen/LocationPicker.tsx';
import type { Pin } from '../../components/citizen/PinMap.tsx';
import { SubmitResult, type PhotoOutcome } from '../../components/citizen/SubmitResult.tsx';
import { apiFields, fieldErrors, zodRule } from '../../components/citizen/zodRule.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

const shape = publicCreateCaseSchema.shape;
const requesterShape = shape.requester.shape;
const DEFAULT_DISTRICT = '140802';
const MAX_PHOTOS = 5;

interface Values {
  type: CaseType;
  categoryCode?: string;
  regionCode: string;
  township?: string;
  content: string;
  address?: string;
  photos?: UploadFile[];
  requester: { name?: string; phone: string };
}

/** The form fields by their path in the API schema (so server field errors land next to the field). */
const knownPaths = ['type', 'categoryCode', 'regionCode', 'content', 'address', 'requester.name', 'requester.phone', 'lat', 'lng'];

type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error' };

/** A query as the form reads it: loading (also while asked again after a failure), ready or failed. */
function loaded<T>(q: { data: T | undefined; isError: boolean; isFetching: boolean }): Loaded<T> {
  if (q.data !== undefined && !(q.isError && q.isFetching)) return { state: 'ready', data: q.data };
  if (q.isError && !q.isFetching) return { state: 'error' };
  return { state: 'loading' };
}

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

function categoryTree(items: readonly Category[], lang: string): TreeNode[] {
  const byParent = new Map<string | null, Category[]>();
  for (const c of items) byParent.set(c.parentCode, [...(byParent.get(c.parentCode) ?? []), c]);
  const build = (parent: string | null, depth: number): TreeNode[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = depth < 5 ? build(c.code, depth + 1) : [];
      return { value: c.code, title: lang === 'en' ? c.nameEn : c.nameZh, ...(children.length > 0 ? { children } : {}) };
    });
  return build(null, 0);
}

/** The file a picked photo holds (antd keeps it as originFileObj when the upload is manual). */
function filesOf(list: readonly UploadFile[] | undefined): File[] {
  return (list ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => f !== undefined);
}

/** Citizen page (mobile-first): submit a request, then show its tracking number. */
export function SubmitPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [pin, setPin] = useState<Pin | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<{ submitted: Submitted; type: CaseType; phone: string; files: File[]; photos: PhotoOutcome } | null>(
    null,
  );
  const topRef = useRef<HTMLDivElement>(null);
  // A citizen's submission changes nothing this page has read.
  const submit = useApiMutation((body: unknown) => api<Submitted>('/api/v1/public/cases', { method: 'POST', body }));

  const configQuery = usePublicConfig();
  const config = loaded<PublicConfig>(configQuery);
  const reloadConfig = () => void configQuery.refetch();
  const categoriesQuery = useApiQuery<{ items: Category[] }>(['categories'], '/api/v1/categories');
  const categories = loaded({ ...categoriesQuery, data: categoriesQuery.data?.items });
  const reloadCategories = () => void categoriesQuery.refetch();
  const district = Form.useWatch('regionCode', form) ?? DEFAULT_DISTRICT;
  const township = Form.useWatch('township', form);
  const type = Form.useWatch('type', form);
  const photoCount = Form.useWatch('photos', form)?.length ?? 0;
  const townshipsQuery = useRegions(district);
  const townships = loaded({ ...townshipsQuery, data: townshipsQuery.data?.items });
  const reloadTownships = () => void townshipsQuery.refetch();

  const categoryItems = categoriesQuery.data?.items;
  const tree = useMemo(() => (categoryItems ? categoryTree(categoryItems, lang) : []), [categoryItems, lang]);
  const districts =
    config.state === 'ready' && config.data.serviceRegions.length > 0
      ? config.data.serviceRegions
      : [{ code: DEFAULT_DISTRICT, name: t('defaultDistrictName'), fullName: t('defaultDistrictName') }];
  const maxUploadBytes = config.state === 'ready' ? config.data.maxUploadBytes : 10 * 1024 * 1024;
  const maxPhotos = config.state === 'ready' ? config.data.maxPhotos : MAX_PHOTOS;

  const required = (label: MessageKey) => t('fieldRequired', { field: t(label) });

  async function sendPhotos(trackingNo: string, phone: string, files: File[]): Promise<PhotoOutcome> {
    if (files.length === 0) return { count: 0, error: null };
    try {
      await uploadPhotos(trackingNo, phone, files);
      return { count: files.length, error: null };
    } catch (e) {
      return { count: files.length, error: e instanceof Error ? e.message : t('loadFailed') };
    }
  }

  async function onFinish(v: Values) {
    setFailure(null);
    const address = v.address?.trim();
    const name = v.requester.name?.trim();
    const body = {
      type: v.type,
      content: v.content,
      regionCode: v.township || v.regionCode,
      channel: window.matchMedia('(max-width: 767px)').matches ? 'h5' : 'web',
      ...(v.categoryCode ? { categoryCode: v.categoryCode } : {}),
      ...(address ? { address } : {}),
      ...(pin ? { lat: pin.lat, lng: pin.lng } : {}),
      requester: { phone: v.requester.phone, ...(name ? { name } : {}) },
    };
    // The whole request through the API's schema once more (the rules above checked field by field).
    const parsed = publicCreateCaseSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(
        fieldErrors(
          parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          knownPaths,
        ),
      );
      return;
    }
    setSending(true);
    try {
      const submitted = await submit.mutateAsync(parsed.data);
      const files = filesOf(v.photos);
      const photos = await sendPhotos(submitted.trackingNo, parsed.data.requester.phone, files);
      rememberLast4(submitted.trackingNo, parsed.data.requester.phone.replace(/\D/g, '').slice(-4));
      setDone({ submitted, type: v.type, phone: parsed.data.requester.phone, files, photos });
      topRef.current?.scrollIntoView({ block: 'start' });
    } catch (e) {
      const fields = apiFields(e);
      if (fields.length > 0) form.setFields(fieldErrors(fields, knownPaths));
      setFailure(e instanceof Error ? e.message : t('loadFailed'));
    } finally {
      setSending(false);
    }
  }

  if (done) {
    return (
      <CitizenShell view="submit" title="submitRequest">
        <div ref={topRef} />
        <SubmitResult
          submitted={done.submitted}
          type={done.type}
          photos={done.photos}
          onRetryPhotos={async () => {
            const photos = await sendPhotos(done.submitted.trackingNo, done.phone, done.files);
            setDone({ ...done, photos });
          }}
          onAnother={() => {
            form.resetFields();
            setPin(null);
            setDone(null);
          }}
        />
      </CitizenShell>
    );
  }

  return (
    <CitizenShell view="submit" title="submitRequest">
      <div ref={topRef} />
      <Card title={t('submitRequest')} styles={{ body: { padding: 16 } }}>
        <Typography.Paragraph type="secondary">{t('submitIntro')}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark
          scrollToFirstError={{ block: 'center' }}
          initialValues={{ type: 'help', regionCode: DEFAULT_DISTRICT }}
          onFinish={(v) => void onFinish(v)}
        >
          <Form.Item
            name="type"
            label={t('type')}
            required
            rules={[zodRule(shape.type, { required: required('type') })]}
            extra={type ? t(`typeHint.${type}` as MessageKey) : undefined}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(52px, 1fr))', gap: 6 }}
              options={caseTypes.map((c) => ({
                value: c,
                label: t(`type.${c}` as MessageKey),
                style: { textAlign: 'center', paddingInline: 4, borderInlineStartWidth: 1, borderRadius: 6 },
              }))}
            />
          </Form.Item>

          <Form.Item
            name="categoryCode"
            label={t('category')}
            rules={[zodRule(shape.categoryCode)]}
            extra={
              categories.state === 'error' ? (
                <span>
                  {t('categoriesFailed')}{' '}
                  <Button type="link" size="small" onClick={reloadCategories} style={{ padding: 0 }}>
                    {t('retry')}
                  </Button>
                </span>
              ) : (
                t('categoryHint')
              )
            }
          >
            <TreeSelect
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              loading={categories.state === 'loading'}
              placeholder={t('categoryPlaceholder')}
              treeData={tree}
              notFoundContent={categories.state === 'loading' ? t('loading') : t('empty')}
            />
          </Form.Item>

          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', columnGap: 12 }}>
            <Form.Item name="regionCode" label={t('district')} rules={[zodRule(shape.regionCode, { required: required('district') })]}>
              <Select
                options={districts.map((d) => ({ value: d.code, label: d.fullName }))}
                loading={config.state === 'loading'}
                onChange={() => form.setFieldValue('township', undefined)}
              />
            </Form.Item>
            <Form.Item
              name="township"
              label={t('township')}
              extra={
                townships.state === 'error' ? (
                  <Button type="link" size="small" onClick={reloadTownships} style={{ padding: 0 }}>
                    {t('townshipsFailed')}
                  </Button>
                ) : undefined
              }
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('townshipPlaceholder')}
                loading={townships.state === 'loading'}
                notFoundContent={townships.state === 'loading' ? t('loading') : t('empty')}
                options={townships.state === 'ready' ? townships.data.map((r) => ({ value: r.code, label: r.name })) : []}
              />
            </Form.Item>
          </div>

          <Form.Item name="content" label={t('content')} required rules={[zodRule(shape.content, { required: required('content') })]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} showCount maxLength={10_000} placeholder={t('contentPlaceholder')} />
          </Form.Item>

          <Form.Item name="address" label={t('address')} rules={[zodRule(shape.address)]}>
            <Input placeholder={t('addressPlaceholder')} autoComplete="street-address" maxLength={200} />
          </Form.Item>

          <Form.Item label={t('mapPin')} extra={t('mapPinHint')}>
            <LocationPicker
              value={pin}
              onChange={setPin}
              regionCode={township || district}
              tileUrl={config.state === 'ready' ? config.data.mapTileUrl : null}
            />
          </Form.Item>

          <Form.Item
            name="photos"
            label={t('photos')}
            valuePropName="fileList"
            getValueFromEvent={(e: { fileList?: UploadFile[] } | UploadFile[]) => (Array.isArray(e) ? e : e?.fileList)}
            extra={t('photosHint', { n: maxPhotos })}
          >
            <Upload
              listType="picture-card"
              accept="image/*"
              multiple
              maxCount={maxPhotos}
              beforeUpload={(file) => {
                if (!file.type.startsWith('image/')) {
                  void message.error(t('photoNotImage', { name: file.name }));
                  return Upload.LIST_IGNORE;
                }
                // Large JPEG/PNG/WebP are scaled down before sending; others must fit as they are.
                if (file.size > maxUploadBytes && !/^image\/(jpeg|png|webp)$/.test(file.type)) {
                  void message.error(t('photoTooLarge', { name: file.name, mb: Math.floor(maxUploadBytes / 1024 / 1024) }));
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
            >
              {photoCount >= maxPhotos ? null : (
                <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
                  <PlusOutlined aria-hidden />
                  <div style={{ marginTop: 8 }}>{t('addPhoto')}</div>
                </button>
              )}
            </Upload>
          </Form.Item>

          <Form.Item name={['requester', 'name']} label={t('name')} rules={[zodRule(requesterShape.name)]}>
            <Input autoComplete="name" maxLength={50} placeholder={t('namePlaceholder')} />
          </Form.Item>

          <Form.Item
            name={['requester', 'phone']}
            label={t('phone')}
            required
            rules={[zodRule(requesterShape.phone, { required: required('phone'), message: t('phoneInvalid') })]}
            extra={t('phoneHint')}
          >
            <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={32} placeholder="139 0000 0000" />
          </Form.Item>

          {config.state === 'error' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('configFailed')}
              action={
                <Button size="small" onClick={reloadConfig}>
                  {t('retry')}
                </Button>
              }
            />
          )}
          {failure && (
            <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('submitFailed')} description={failure} role="alert" />
          )}

          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('privacyNote')}
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" size="large" block loading={sending}>
            {sending ? t('submitting') : t('submitRequestButton')}
          </Button>
        </Form>
      </Card>
    </CitizenShell>
  );
}
