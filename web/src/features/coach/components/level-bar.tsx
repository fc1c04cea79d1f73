import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoachCompetencyGap } from '@fulcrum/shared';
import { levelText } from './format.ts';

/**
 * A competency as a bar: the fill is the current progress (level plus the share of the next level's knowledge points),
 * the dark line the role's required level, both on the same scale; the numbers are written beside it.
 */
export function LevelBar({ gap, scale }: { gap: CoachCompetencyGap; scale: number }) {
  const { t } = useTranslation();
  const met = gap.gap <= 0;
  const fill = Math.min(100, (gap.progress / scale) * 100);
  const mark = Math.min(100, (gap.requiredLevel / scale) * 100);
  return (
    <div data-testid="competency-row" data-competency-id={gap.competencyId}>
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong>{gap.name}</Typography.Text>
        <Typography.Text type={met ? 'success' : 'warning'} style={{ fontSize: 13 }} data-testid="competency-gap">
          {met ? t('coach.competencies.met') : t('coach.competencies.gap', { gap: levelText(gap.gap) })}
        </Typography.Text>
      </Flex>
      <div
        role="img"
        aria-label={`${t('coach.competencies.current', { level: gap.currentLevel, progress: levelText(gap.progress) })} / ${t('coach.competencies.required', { level: gap.requiredLevel })}`}
        style={{ position: 'relative', height: 12, background: '#f0f0f0', borderRadius: 6, margin: '6px 0 4px' }}
      >
        <div style={{ width: `${fill}%`, height: '100%', borderRadius: 6, background: met ? '#52c41a' : '#1677ff' }} />
        {Array.from({ length: Math.floor(scale) }, (_, i) => i + 1).map((level) => (
          <div key={level} style={{ position: 'absolute', top: 0, bottom: 0, left: `${(level / scale) * 100}%`, width: 1, background: 'rgba(255,255,255,0.8)' }} />
        ))}
        <div style={{ position: 'absolute', top: -3, bottom: -3, left: `calc(${mark}% - 1px)`, width: 2, background: '#262626' }} />
      </div>
      <Flex gap={12} wrap style={{ fontSize: 12, color: '#595959' }}>
        <span>{t('coach.competencies.current', { level: gap.currentLevel, progress: levelText(gap.progress) })}</span>
        <span>{t('coach.competencies.required', { level: gap.requiredLevel })}</span>
        <span>{t('coach.competencies.weight', { weight: gap.weight })}</span>
        <span>{t(`coach.competencies.source.${gap.source}`)}</span>
      </Flex>
    </div>
  );
}
