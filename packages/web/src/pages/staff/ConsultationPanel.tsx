import { Alert, Card, Flex, Tag, Typography } from 'antd';
import type { CaseDetail } from '../../api/types.ts';
import { ConsultationView } from '../../components/safety-net/SafetyNetPanel.tsx';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';

/**
 * 会商 of an ordinary case (a dispatch dispute): who was convened, their opinions, the minutes
 * naming the lead and assisting units, and when the dispute must be settled. The safety-net
 * window shows its own consultations in its panel.
 */
export function ConsultationPanel({ c, now = Date.now() }: { c: CaseDetail; now?: number }) {
  const { t, lang } = useI18n();
  if (c.safetyNet || c.consultations.length === 0) return null;
  const open = c.consultations.find((k) => k.open) ?? null;
  const late = open?.dueAt != null && new Date(open.dueAt).getTime() < now;
  return (
    <Card
      title={t('consult.title')}
      data-testid="ordinary-consultation"
      extra={
        open?.dueAt ? (
          <Flex gap={4} align="center">
            <Typography.Text type="secondary">{t('consult.dueAt')}</Typography.Text>
            <Tag color={late ? 'red' : 'blue'} data-testid="consultation-due">
              {formatTime(open.dueAt, lang)}
            </Tag>
          </Flex>
        ) : null
      }
    >
      {open && (
        <Alert
          type={late ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={late ? t('consult.overdue') : t('consult.waiting')}
        />
      )}
      {c.consultations.map((k, i) => (
        <ConsultationView key={k.id} k={k} index={i} total={c.consultations.length} />
      ))}
    </Card>
  );
}
