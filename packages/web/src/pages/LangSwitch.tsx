import { Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <Button type="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
      {t('switchLang')}
    </Button>
  );
}
