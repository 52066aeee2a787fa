import type { ImportRowError } from '@huiyin/core';
import type { QueryKey } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import { useState } from 'react';
import { ApiError, apiUpload } from '../api/client.ts';
import { useApiMutation } from '../api/query.ts';

/** What an import answers: the rows refused (then nothing came in), and its counts. */
interface Report {
  errors: ImportRowError[];
}

/**
 * An Excel import (the file as field `file`, plus `extra` fields): while it runs, its report (a
 * refusal with row errors is a report too), or why it failed. A clean import invalidates `invalidate`.
 */
export function useExcelImport<R extends Report>({
  path,
  read = (r) => r as R,
  refused,
  invalidate,
}: {
  path: string;
  /** The answer as the page reads it (defaults filled in). */
  read?: (answer: Partial<R>) => R;
  /** The report of a refusal that lists the bad rows. */
  refused: (errors: ImportRowError[]) => R;
  invalidate: readonly QueryKey[];
}) {
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useApiMutation(
    (form: FormData) =>
      apiUpload<Partial<R>>(path, form).then(read, (e: unknown) => {
        // A refusal may carry the row errors in its details.
        const errors = e instanceof ApiError ? (e.details['errors'] as ImportRowError[] | undefined) : undefined;
        if (errors) return refused(errors);
        throw e;
      }),
    (r) => (r.errors.length === 0 ? invalidate : []),
  );

  async function importFile(file: File, extra: Record<string, string | undefined> = {}) {
    setImporting(true);
    setReport(null);
    setError(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      for (const [k, v] of Object.entries(extra)) if (v) form.append(k, v);
      setReport(await upload.mutateAsync(form));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setImporting(false);
    }
  }

  return { importing, report, error, importFile, closeReport: () => setReport(null), closeError: () => setError(null) };
}

/** The outcome of an import above the list: why it failed, the rows refused, or what came in. */
export function ImportOutcome<R extends Report>({
  state,
  texts,
  rowWidth,
  table,
  alertTestId,
}: {
  state: ReturnType<typeof useExcelImport<R>>;
  texts: { failed: string; rejected: (n: number) => string; done: (r: R) => string; row: string; column: string; reason: string };
  rowWidth: number;
  /** Long reports paged by 20 (`paged`), the table's scroll width (`x`). */
  table?: { paged?: boolean; x?: number };
  alertTestId?: string;
}) {
  const { report, error } = state;
  const testId = alertTestId ? { 'data-testid': alertTestId } : {};
  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: state.closeError }}
          title={texts.failed}
          description={error}
          style={{ marginBottom: 16 }}
        />
      )}
      {report && report.errors.length > 0 && (
        <Alert
          {...testId}
          type="error"
          showIcon
          closable={{ onClose: state.closeReport }}
          style={{ marginBottom: 16 }}
          title={texts.rejected(report.errors.length)}
          description={
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.reason}`}
              pagination={table?.paged && report.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              {...(table?.x ? { scroll: { x: table.x } } : {})}
              dataSource={report.errors}
              data-testid="import-errors"
              columns={[
                { title: texts.row, dataIndex: 'row', width: rowWidth },
                { title: texts.column, dataIndex: 'column', width: 140, render: (v: string) => v || '—' },
                { title: texts.reason, dataIndex: 'reason' },
              ]}
            />
          }
        />
      )}
      {report && report.errors.length === 0 && (
        <Alert
          {...testId}
          type="success"
          showIcon
          closable={{ onClose: state.closeReport }}
          style={{ marginBottom: 16 }}
          title={texts.done(report)}
        />
      )}
    </>
  );
}
