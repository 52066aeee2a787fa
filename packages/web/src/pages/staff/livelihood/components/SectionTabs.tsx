import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../../i18n/messages.ts';
import { useLvRoles } from '../lv-api.ts';

const BASE = '/admin/livelihood';

/** The section's pages as tabs above each of them (detail pages have a way back instead). */
export function SectionTabs() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { manage, home } = useLvRoles();
  const tabs: { key: string; label: MessageKey }[] = [
    { key: '', label: 'lv.tab.overview' },
    { key: 'matters', label: 'lv.tab.matters' },
    ...(manage ? [{ key: 'duplicates', label: 'lv.tab.duplicates' as MessageKey }] : []),
    { key: 'duty', label: 'lv.tab.duty' },
  ];
  const current = pathname.replace(/\/+$/, '').slice(BASE.length + 1);
  return (
    <Tabs
      data-testid="livelihood-tabs"
      activeKey={current}
      onChange={(k) => navigate(k ? `${BASE}/${k}` : `${BASE}?region=${home}`)}
      items={tabs.map((x) => ({ key: x.key, label: t(x.label) }))}
      style={{ marginBottom: 8 }}
    />
  );
}
