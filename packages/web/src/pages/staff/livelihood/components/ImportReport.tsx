import type { MatterImportReport } from '@huiyin/core';
import { Alert, Table } from 'antd';
import { useI18n } from '../../../../i18n/i18n.tsx';

/** The outcome of an Excel import: how many rows came in, or the rows refused (then none came in). */
export function ImportReport({ report, onClose }: { report: MatterImportReport; onClose: () => void }) {
  const { t } = useI18n();
  if (report.errors.length === 0) {
    return (
      <Alert
        data-testid="import-report"
        type="success"
        showIcon
        closable={{ onClose }}
        style={{ marginBottom: 16 }}
        title={t('lv.import.done', { n: report.imported })}
      />
    );
  }
  return (
    <Alert
      data-testid="import-report"
      type="error"
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={t('lv.import.rejected', { n: report.errors.length })}
      description={
        <Table
          size="small"
          rowKey={(r) => `${r.row}-${r.column}-${r.reason}`}
          pagination={report.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          dataSource={report.errors}
          data-testid="import-errors"
          scroll={{ x: 480 }}
          columns={[
            { title: t('lv.import.row'), dataIndex: 'row', width: 70 },
            { title: t('lv.import.column'), dataIndex: 'column', width: 140, render: (v: string) => v || '—' },
            { title: t('lv.import.reason'), dataIndex: 'reason' },
          ]}
        />
      }
    />
  );
}
