import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { SiteFrame } from '../SiteFrame.tsx';

/**
 * The frame of the public projects pages: the citizen pages' title bar (app name, language
 * switch), but wider than the request forms so that a desktop shows the cards in columns.
 */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <SiteFrame
      docTitle={title}
      width={1200}
      padding="16px 12px"
      frameStyle={{ overflowX: 'hidden' }}
      mainProps={{ 'data-testid': 'public-projects' }}
      footer={
        <>
          {t('pub.projects.privacy')}
          <br />
          {t('hotlineNote')}
        </>
      }
    >
      {children}
    </SiteFrame>
  );
}
