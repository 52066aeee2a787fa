import { App, Button, Card, Flex, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { EscalationRule } from './types.ts';
import { useApiQuery, useApiMutation } from '../../../api/query.ts';

const PATH = '/api/v1/supervision/escalation-rule';

/** Admin only: after how many working days past the deadline a case goes up to the leader. */
export function EscalationRuleCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rule = useApiQuery<EscalationRule>(['supervision', 'escalation-rule'], PATH);
  const [value, setValue] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const stored = rule.data?.leaderAfterWorkingDays;

  useEffect(() => {
    if (stored !== undefined) setValue(stored);
  }, [stored]);

  const put = useApiMutation(
    (leaderAfterWorkingDays: number) => api<EscalationRule>(PATH, { method: 'PUT', body: { leaderAfterWorkingDays } }),
    [['supervision', 'escalation-rule']],
  );

  async function save() {
    if (value === null) return;
    setSaving(true);
    try {
      await put.mutateAsync(value);
      void message.success(t('saved'));
    } catch (e) {
      void message.error(`${t('sv.rule.saveFailed')}: ${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={t('sv.rule.title')} data-testid="escalation-rule" style={{ height: '100%' }}>
      {rule.error && <LoadError error={rule.error} onRetry={rule.refetch} />}
      {!rule.data && !rule.error && <Skeleton active paragraph={{ rows: 1 }} />}
      {rule.data && (
        <Flex gap={8} align="center" wrap>
          <span>{t('sv.rule.before')}</span>
          <InputNumber<number>
            min={1}
            max={60}
            precision={0}
            value={value}
            onChange={(v) => setValue(v)}
            onPressEnter={() => void save()}
            aria-label={t('sv.rule.title')}
            style={{ width: 80 }}
          />
          <span>{t('sv.rule.after')}</span>
          <Button type="primary" loading={saving} disabled={value === null || value === stored} onClick={() => void save()}>
            {t('save')}
          </Button>
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
        {t('sv.rule.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
