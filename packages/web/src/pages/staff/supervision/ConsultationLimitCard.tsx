import type { TimeLimit } from '@huiyin/core';
import { App, Button, Card, Flex, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { useApiMutation, useApiQuery } from '../../../api/query.ts';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

const PATH = '/api/v1/consultations/settle-limit';
const KEY = ['consultations', 'settle-limit'];

/** Admin only (a national setting): within how many working days a dispute over a dispatch (会商) must be settled. */
export function ConsultationLimitCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const limit = useApiQuery<TimeLimit>(KEY, PATH);
  const stored = limit.data?.unit === 'workingDays' ? limit.data.value : undefined;
  const [value, setValue] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (stored !== undefined) setValue(stored);
  }, [stored]);

  const put = useApiMutation((value: number) => api<TimeLimit>(PATH, { method: 'PUT', body: { unit: 'workingDays', value } }), [KEY]);

  async function save() {
    if (value === null) return;
    setSaving(true);
    try {
      await put.mutateAsync(value);
      void message.success(t('saved'));
    } catch (e) {
      void message.error(`${t('consult.limitSaveFailed')}: ${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={t('consult.limitTitle')} data-testid="consultation-limit">
      {limit.error && <LoadError error={limit.error} onRetry={limit.refetch} />}
      {!limit.data && !limit.error && <Skeleton active paragraph={{ rows: 1 }} />}
      {limit.data && (
        <Flex gap={8} align="center" wrap>
          <span>{t('consult.limitBefore')}</span>
          <InputNumber<number>
            min={1}
            max={10}
            precision={0}
            value={value}
            onChange={(v) => setValue(v)}
            onPressEnter={() => void save()}
            aria-label={t('consult.limitTitle')}
            style={{ width: 80 }}
          />
          <span>{t('consult.limitAfter')}</span>
          <Button type="primary" loading={saving} disabled={value === null || value === stored} onClick={() => void save()}>
            {t('save')}
          </Button>
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
        {t('consult.limitHint')}
      </Typography.Paragraph>
    </Card>
  );
}
