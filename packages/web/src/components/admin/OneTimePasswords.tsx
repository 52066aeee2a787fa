import { PrinterOutlined } from '@ant-design/icons';
import type { PeopleImportReport } from '@huiyin/core';
import { Alert, Button, Modal, Table } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

type Entry = PeopleImportReport['oneTimePasswords'][number];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A printable page of the list: one slip per person, to cut and hand over. */
function printList(title: string, note: string, headers: [string, string, string], list: readonly Entry[], bySms: (e: Entry) => string) {
  const w = window.open('', '_blank', 'noopener=no');
  if (!w) return;
  const rows = list
    .map(
      (p) =>
        `<tr><td>${escape(p.displayName)}</td><td>${escape(p.username)}</td><td class="pw">${escape(p.password ?? bySms(p))}</td></tr>`,
    )
    .join('');
  w.document.write(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title><style>` +
      'body{font-family:sans-serif;margin:24px}table{border-collapse:collapse;width:100%}td,th{border:1px dashed #888;padding:10px;text-align:left}' +
      '.pw{font-family:monospace;font-size:16px}</style></head><body>' +
      `<h2>${escape(title)}</h2><p>${escape(note)}</p><table><thead><tr><th>${headers.map(escape).join('</th><th>')}</th></tr></thead>` +
      `<tbody>${rows}</tbody></table></body></html>`,
  );
  w.document.close();
  w.focus();
  w.print();
}

/**
 * The one-time passwords of the accounts an import created: shown once (the server keeps none of
 * them in clear), to print and hand to each person, who must change it at the first sign-in.
 */
export function OneTimePasswords({ list, onClose }: { list: readonly Entry[] | null; onClose: () => void }) {
  const { t } = useI18n();
  const headers: [string, string, string] = [t('adminExcel.otp.name'), t('adminExcel.otp.username'), t('adminExcel.otp.password')];
  const bySms = (e: Entry) => t('adminExcel.otp.bySms', { phone: e.smsTo ?? '' });
  return (
    <Modal
      open={list !== null && list.length > 0}
      title={t('adminExcel.otp.title', { n: list?.length ?? 0 })}
      width={680}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={[
        <Button
          key="print"
          icon={<PrinterOutlined />}
          onClick={() =>
            list && printList(t('adminExcel.otp.title', { n: list.length }), t('adminExcel.otp.slipNote'), headers, list, bySms)
          }
        >
          {t('adminExcel.otp.print')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose} data-testid="otp-close">
          {t('adminExcel.otp.close')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={t('adminExcel.otp.once')} style={{ marginBottom: 12 }} />
      <Table<Entry>
        size="small"
        rowKey="username"
        data-testid="otp-list"
        dataSource={list ?? []}
        pagination={false}
        columns={[
          { title: headers[0], dataIndex: 'displayName' },
          { title: headers[1], dataIndex: 'username' },
          {
            title: headers[2],
            key: 'password',
            render: (_: unknown, e) =>
              e.password === null ? <span data-testid="otp-sms">{bySms(e)}</span> : <code data-testid="otp-password">{e.password}</code>,
          },
        ]}
      />
    </Modal>
  );
}
