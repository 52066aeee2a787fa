import { Alert, Button, Card, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { LangSwitch } from '../../components/LangSwitch.tsx';

interface Tracked {
  trackingNo: string;
  title: string;
  status: string;
  timeline: { at: string; text: string }[];
}

/** Citizen page (mobile-first): track a request by number and the last 4 digits of the phone. */
export function TrackPage() {
  const { t, lang } = useI18n();
  const [result, setResult] = useState<Tracked | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function search(v: { trackingNo: string; phone: string }) {
    setError(null);
    try {
      setResult(await api<Tracked>(`/api/v1/track/${encodeURIComponent(v.trackingNo.trim())}?phone=${encodeURIComponent(v.phone.trim())}`, { lang }));
    } catch {
      setResult(null);
      setError(t('notFound'));
    }
  }

  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('appName')}
        </Typography.Title>
        <LangSwitch />
      </Space>
      <Typography.Paragraph type="secondary">{t('slogan')}</Typography.Paragraph>
      <Card title={t('track')}>
        <Form layout="vertical" onFinish={search}>
          <Form.Item name="trackingNo" label={t('trackingNo')} rules={[{ required: true, pattern: /^\d{6}-\d{4}-\d{6}$/ }]}>
            <Input placeholder="140802-2026-000001" inputMode="numeric" />
          </Form.Item>
          <Form.Item name="phone" label={t('phoneLast4')} rules={[{ required: true, pattern: /^\d{4}$/ }]}>
            <Input maxLength={4} inputMode="numeric" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('query')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="warning" message={error} style={{ marginTop: 16 }} />}
      {result && (
        <Card style={{ marginTop: 16 }} title={result.title} extra={<Tag color="red">{t(`status.${result.status}` as MessageKey)}</Tag>}>
          <Timeline
            items={result.timeline.map((e) => ({
              content: (
                <>
                  <div>{e.text}</div>
                  <Typography.Text type="secondary">{formatTime(e.at, lang)}</Typography.Text>
                </>
              ),
            }))}
          />
        </Card>
      )}
      <Typography.Paragraph style={{ marginTop: 24, textAlign: 'center' }}>
        <a href="/admin">{t('staffPortal')}</a>
      </Typography.Paragraph>
    </div>
  );
}
