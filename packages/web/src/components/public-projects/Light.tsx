import { CheckCircleFilled } from '@ant-design/icons';
import type { MilestoneLight } from '@huiyin/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { lightColors } from './public-api.ts';

/** The traffic light of a milestone or a project: a coloured dot and its word (never colour alone). */
export function LightDot({ light, size = 10 }: { light: MilestoneLight; size?: number }) {
  if (light === 'done') return <CheckCircleFilled aria-hidden style={{ color: lightColors.done, fontSize: size + 2 }} />;
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: '50%',
        background: lightColors[light],
        boxShadow: `0 0 0 3px ${lightColors[light]}26`,
        flex: 'none',
      }}
    />
  );
}

export function LightLabel({ light }: { light: MilestoneLight }) {
  const { t } = useI18n();
  return (
    <span
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 6,
        color: lightColors[light],
        fontSize: 13,
        fontWeight: 500,
        whiteSpace: 'nowrap',
      }}
    >
      <LightDot light={light} />
      {t(`pub.light.${light}`)}
    </span>
  );
}
