import { Alert, Button } from 'antd';
import { errorText } from '../../api/query.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A failed load, said plainly, with a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('loadFailed')}
      description={errorText(error)}
      action={<Button onClick={() => onRetry()}>{t('retry')}</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
