import type { ListStatus, MatterStatus, MilestoneLight, ProjectStatus } from '@huiyin/core';
import { Tag } from 'antd';
import { useI18n } from '../../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../../i18n/messages.ts';

const listColour: Record<ListStatus, string> = { collecting: 'blue', selecting: 'gold', published: 'green' };
const matterColour: Record<MatterStatus, string> = { open: 'blue', merged: 'default', selected: 'purple', answered: 'green' };
const projectColour: Record<ProjectStatus, string> = {
  candidate: 'blue',
  selected: 'purple',
  dropped: 'default',
  assigned: 'orange',
  signed: 'cyan',
  accepted: 'green',
};
export const lightColour: Record<MilestoneLight, string> = { done: 'green', green: 'green', yellow: 'gold', red: 'red' };

export function ListStatusTag({ status }: { status: ListStatus }) {
  const { t } = useI18n();
  return <Tag color={listColour[status]}>{t(`lv.listStatus.${status}` as MessageKey)}</Tag>;
}

export function MatterStatusTag({ status }: { status: MatterStatus }) {
  const { t } = useI18n();
  return <Tag color={matterColour[status]}>{t(`lv.matterStatus.${status}` as MessageKey)}</Tag>;
}

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useI18n();
  return <Tag color={projectColour[status]}>{t(`lv.projectStatus.${status}` as MessageKey)}</Tag>;
}

/** 绿灯 on time, 黄灯 late, 红灯 long late, 已完成 done. */
export function LightTag({ light }: { light: MilestoneLight | null }) {
  const { t } = useI18n();
  if (!light) return <>—</>;
  return (
    <Tag color={lightColour[light]} data-light={light}>
      {t(`lv.light.${light}` as MessageKey)}
    </Tag>
  );
}
