import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

/** The old way, for browsers without the async clipboard (plain http on a LAN, old WebViews). */
function copyWithTextarea(text: string): boolean {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.top = '-1000px';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  document.body.removeChild(ta);
  return ok;
}

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or no focus: try the fallback.
  }
  return copyWithTextarea(text);
}

/** Copies `text`; says so, or asks the citizen to copy it by hand. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const id = setTimeout(() => setDone(false), 2000);
    return () => clearTimeout(id);
  }, [done]);
  return (
    <Button
      icon={done ? <CheckOutlined /> : <CopyOutlined />}
      aria-label={`${t('copy')} ${label ?? text}`}
      onClick={() => {
        void copyText(text).then((ok) => {
          if (ok) {
            setDone(true);
            void message.success(t('copied'));
          } else {
            void message.warning(t('copyManually'));
          }
        });
      }}
    >
      {done ? t('copied') : t('copy')}
    </Button>
  );
}
