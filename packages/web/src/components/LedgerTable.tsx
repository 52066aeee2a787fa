import { Table, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { LoadError } from './admin/LoadError.tsx';

/** A loaded list (`{items}`) as a query gives it. */
interface ListQuery<R> {
  data?: { items: R[] } | undefined;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * A ledger (台账) of the safety-net pages: a hint, the load error with a retry, and the table of
 * the list's rows (keyed by id, 20 a page, loading while fetched).
 */
export function LedgerTable<R extends { id: number }>({
  list,
  hint,
  x,
  emptyText,
  pagination = { pageSize: 20, hideOnSinglePage: true },
  columns,
  ...rest
}: {
  list: ListQuery<R>;
  hint?: ReactNode;
  /** The table's scroll width. */
  x?: number;
  /** Default: 暂无数据 / No data. */
  emptyText?: ReactNode;
  pagination?: TableProps<R>['pagination'];
  columns: NonNullable<TableProps<R>['columns']>;
} & Omit<TableProps<R>, 'rowKey' | 'size' | 'loading' | 'dataSource' | 'pagination' | 'locale' | 'scroll' | 'columns'>) {
  const { t } = useI18n();
  return (
    <>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      {!!list.error && <LoadError error={list.error} onRetry={list.refetch} />}
      <Table<R>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={pagination}
        locale={{ emptyText: emptyText ?? t('empty') }}
        {...(x !== undefined ? { scroll: { x } } : {})}
        columns={columns}
        {...rest}
      />
    </>
  );
}

/** The tracking-number column: each number links to its case (`caseId`, or the row's own id for a case row). */
export function trackingNoColumn<R extends { trackingNo: string }>(title: string, width: number, caseId: (r: R) => number): ColumnType<R> {
  return {
    title,
    dataIndex: 'trackingNo',
    width,
    render: (v: string, r) => <Link to={`/admin/cases/${caseId(r)}`}>{v}</Link>,
  };
}
