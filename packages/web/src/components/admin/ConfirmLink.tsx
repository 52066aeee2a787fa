import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

/** A small link button of a table row that asks first (停用, 启用, 删除 …). */
export function ConfirmLink({
  title,
  description,
  onConfirm,
  danger,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  onConfirm: () => unknown;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Popconfirm
      title={title}
      {...(description ? { description } : {})}
      okText={t('confirm')}
      cancelText={t('cancel')}
      onConfirm={onConfirm}
    >
      <Button type="link" size="small" {...(danger ? { danger } : {})}>
        {children}
      </Button>
    </Popconfirm>
  );
}
