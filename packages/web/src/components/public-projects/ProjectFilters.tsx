import { SearchOutlined } from '@ant-design/icons';
import { defaultLivelihoodAreas, type PublicProject } from '@huiyin/core';
import { Input, Segmented, Select } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { areaKey, areaOrder, publicStatus, type PublicStatus } from './public-api.ts';

export type StatusFilter = 'all' | PublicStatus;

export interface Filters {
  q: string;
  status: StatusFilter;
  /** An area code, or '' for every area. */
  area: string;
}

/** The projects that pass the filters; the title search ignores case and spaces. */
export function applyFilters(items: readonly PublicProject[], f: Filters): PublicProject[] {
  const needle = f.q.replace(/\s+/g, '').toLowerCase();
  return items.filter(
    (p) =>
      (f.status === 'all' || publicStatus(p) === f.status) &&
      (f.area === '' || p.areaCode === f.area) &&
      (needle === '' || p.title.replace(/\s+/g, '').toLowerCase().includes(needle)),
  );
}

/** Search by title, status (全部 / 进行中 / 已验收) and area, each with its count. */
export function ProjectFilters({
  items,
  value,
  onChange,
}: {
  items: readonly PublicProject[];
  value: Filters;
  onChange: (f: Filters) => void;
}) {
  const { t } = useI18n();
  // Each choice counts what it would show with the other filters kept (faceted counts).
  const count = (status: StatusFilter) => applyFilters(items, { ...value, status }).length;
  // The five default areas always; any other area only when a project has it.
  const codes = new Set<string>(defaultLivelihoodAreas.map((a) => a.code));
  for (const p of items) if (p.areaCode) codes.add(p.areaCode);
  const areas = [...codes].sort((a, b) => areaOrder(a) - areaOrder(b) || a.localeCompare(b));
  const areaCount = (area: string) => applyFilters(items, { ...value, area }).length;
  const areaLabel = (code: string) => {
    const key = areaKey(code);
    return key ? t(key) : code;
  };

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10, alignItems: 'center' }}>
      <Input
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('pub.search.placeholder')}
        aria-label={t('pub.search.label')}
        value={value.q}
        onChange={(e) => onChange({ ...value, q: e.target.value })}
        style={{ flex: '1 1 240px', minWidth: 0 }}
        size="large"
        data-testid="project-search"
      />
      <Segmented<StatusFilter>
        aria-label={t('pub.filter.status')}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={(['all', 'inProgress', 'accepted'] as const).map((s) => ({
          value: s,
          label: `${t(s === 'all' ? 'pub.filter.all' : s === 'accepted' ? 'pub.status.accepted' : 'pub.status.inProgress')} ${count(s)}`,
        }))}
        size="large"
        style={{ flex: '0 1 auto', maxWidth: '100%' }}
        data-testid="project-status-filter"
      />
      <Select
        aria-label={t('pub.filter.area')}
        value={value.area}
        onChange={(area: string) => onChange({ ...value, area })}
        options={[
          { value: '', label: t('pub.filter.allAreas') },
          ...areas.map((code) => ({
            value: code,
            label: `${areaLabel(code)} (${areaCount(code)})`,
            disabled: areaCount(code) === 0 && value.area !== code,
          })),
        ]}
        size="large"
        style={{ flex: '1 1 220px', minWidth: 0 }}
        data-testid="project-area-filter"
      />
    </div>
  );
}
