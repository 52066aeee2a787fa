import { Tag, Tooltip } from 'antd';
import { formatTime, useI18n } from '../i18n/i18n.tsx';

/** Time left until a deadline (or how late it is), coloured by the case's due state. */
export function DueTag({ due, state, now = Date.now() }: { due: string | null; state: 'ok' | 'near' | 'overdue' | null; now?: number }) {
  const { t, lang } = useI18n();
  if (!due || state === null) return <span>—</span>;
  const ms = new Date(due).getTime() - now;
  const hours = Math.round(Math.abs(ms) / 3600_000);
  const span = hours >= 48 ? t('due.days', { n: Math.round(hours / 24) }) : t('due.hours', { n: hours });
  const color = state === 'overdue' ? 'red' : state === 'near' ? 'orange' : 'green';
  return (
    <Tooltip title={formatTime(due, lang)}>
      <Tag color={color}>{ms < 0 ? t('due.overdueBy', { span }) : t('due.left', { span })}</Tag>
    </Tooltip>
  );
}
