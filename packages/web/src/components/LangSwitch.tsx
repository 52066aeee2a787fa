import { Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const { t, lang, setLang } = useI18n();
  return (
    <Button type="link" style={dark ? { color: '#fff' } : undefined} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t('switchLang')}
    </Button>
  );
}
