import { Card } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

/** Admin settings: units, users, categories and routing, time limits, holiday calendar. */
export function SettingsPage() {
  const { t } = useI18n();
  return <Card title={t('settings')} />;
}
