import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { AdminImportReport, ImportRowError } from '@huiyin/core';
import type { QueryKey } from '@tanstack/react-query';
import { App, Button, Modal, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { apiBlob, downloadUrl } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ImportOutcome } from '../ExcelImport.tsx';
import { useProgressImport, type ImportProgress } from './useProgressImport.ts';

const empty = { dryRun: true, applied: false, created: 0, updated: 0, unchanged: 0, rows: [] };

/**
 * 下载模板 / 导出 Excel / 从 Excel 导入 for an admin list (units, the routing catalog, categories,
 * people): the import first runs as a dry run and shows the preview (created / updated /
 * unchanged, row by row) or the bad rows; 确认导入 applies the same file in one transaction. Both
 * steps show their progress (the upload's percentage, then how long the server has been checking
 * or writing the rows).
 */
export function AdminExcel<R extends AdminImportReport = AdminImportReport>({
  base,
  files,
  invalidate,
  testId,
  onApplied,
  applyParams = '',
  children,
}: {
  /** e.g. /api/v1/admin/units: template.xlsx, export.xlsx and import under it. */
  base: string;
  /** The file names; no `export`: the list has no export (people). */
  files: { export?: MessageKey; template: MessageKey };
  invalidate: readonly QueryKey[];
  testId: string;
  /** What the applied import answered (the people import's one-time passwords). */
  onApplied?: (report: R) => void;
  /** More query parameters of the real run (`&sms=true`). */
  applyParams?: string;
  /** Options shown beside the buttons. */
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [appliedRows, setAppliedRows] = useState(0);
  const refused = (errors: ImportRowError[]) => ({ ...empty, errors }) as unknown as R;
  const preview = useProgressImport<R>({ path: `${base}/import?dryRun=true`, lang, refused, invalidate: [] });
  const apply = useProgressImport<R>({ path: `${base}/import?dryRun=false${applyParams}`, lang, refused, invalidate });
  const outcomeOf = (s: typeof preview) => ({ ...s, importFile: async (f: File) => void (await s.importFile(f)) });

  async function download(which: 'export' | 'template') {
    const name = files[which];
    if (!name) return;
    setDownloading(which);
    try {
      const blob = await apiBlob(downloadUrl(`${base}/${which}.xlsx`));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = t(name);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      void message.error(`${t('adminExcel.exportFailed')}：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setDownloading(null);
    }
  }

  const report = preview.report;
  const showPreview = file !== null && report !== null && report.errors.length === 0;
  const texts = {
    failed: t('adminExcel.importFailed'),
    rejected: (n: number) => t('adminExcel.rejected', { n }),
    done: (r: R) => t('adminExcel.done', { created: r.created, updated: r.updated, unchanged: r.unchanged }),
    row: t('adminExcel.row'),
    column: t('adminExcel.column'),
    reason: t('adminExcel.reason'),
  };

  return (
    <div data-testid={testId}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading === 'template'}
          onClick={() => void download('template')}
          data-testid={`${testId}-template`}
        >
          {t('adminExcel.template')}
        </Button>
        {files.export && (
          <Button
            icon={<DownloadOutlined />}
            loading={downloading === 'export'}
            onClick={() => void download('export')}
            data-testid={`${testId}-export`}
          >
            {t('adminExcel.export')}
          </Button>
        )}
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            apply.closeReport();
            void preview.importFile(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={preview.importing} data-testid={`${testId}-import`}>
            {t('adminExcel.import')}
          </Button>
        </Upload>
        {children}
        <ProgressLine progress={preview.progress} serverText={(s) => t('adminExcel.checking', { s })} testId={`${testId}-progress`} />
        {!showPreview && (
          <ProgressLine
            progress={apply.progress}
            serverText={(s) => t('adminExcel.applying', { n: appliedRows, s })}
            testId={`${testId}-progress`}
          />
        )}
      </Space>
      {report && report.errors.length > 0 && (
        <ImportOutcome state={outcomeOf(preview)} texts={texts} rowWidth={80} table={{ paged: true }} alertTestId={`${testId}-errors`} />
      )}
      <ImportOutcome state={outcomeOf(apply)} texts={texts} rowWidth={80} table={{ paged: true }} alertTestId={`${testId}-outcome`} />
      <Modal
        open={showPreview}
        title={t('adminExcel.previewTitle')}
        width={760}
        okText={t('adminExcel.confirm')}
        cancelText={t('adminExcel.cancel')}
        confirmLoading={apply.importing}
        okButtonProps={{ 'data-testid': `${testId}-confirm` } as Record<`data-${string}`, string>}
        onCancel={() => {
          preview.closeReport();
          setFile(null);
        }}
        onOk={async () => {
          if (!file) return;
          setAppliedRows(report?.rows.length ?? 0);
          preview.closeReport();
          setFile(null);
          const done = await apply.importFile(file);
          if (done?.applied) onApplied?.(done);
        }}
      >
        {report && (
          <>
            <Typography.Paragraph data-testid={`${testId}-summary`}>
              {t('adminExcel.previewSummary', { created: report.created, updated: report.updated, unchanged: report.unchanged })}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="row"
              dataSource={report.rows}
              pagination={report.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: t('adminExcel.row'), dataIndex: 'row', width: 70 },
                {
                  title: t('adminExcel.action'),
                  dataIndex: 'action',
                  width: 90,
                  render: (a: AdminImportReport['rows'][number]['action']) => (
                    <Tag color={a === 'create' ? 'green' : a === 'update' ? 'orange' : 'default'}>{t(`adminExcel.action.${a}`)}</Tag>
                  ),
                },
                { title: t('adminExcel.name'), dataIndex: 'name' },
              ]}
            />
          </>
        )}
      </Modal>
    </div>
  );
}

/** The upload's percentage, then the seconds the server has been at it. */
function ProgressLine({
  progress,
  serverText,
  testId,
}: {
  progress: ImportProgress;
  serverText: (seconds: number) => string;
  testId: string;
}) {
  const { t } = useI18n();
  if (!progress) return null;
  return (
    <Space data-testid={testId}>
      {progress.phase === 'upload' ? (
        <>
          <Typography.Text type="secondary">{t('adminExcel.uploading')}</Typography.Text>
          <Progress percent={progress.percent} size="small" style={{ width: 160 }} />
        </>
      ) : (
        <Typography.Text type="secondary">{serverText(progress.seconds)}</Typography.Text>
      )}
    </Space>
  );
}
