import { Tag } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';

const colors: Record<string, string> = {
  registered: 'blue',
  dispatched: 'cyan',
  returned: 'magenta',
  in_progress: 'processing',
  reply_review: 'purple',
  replied: 'gold',
  closed: 'default',
  merged: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={colors[status] ?? 'default'}>{t(`status.${status}` as MessageKey)}</Tag>;
}
