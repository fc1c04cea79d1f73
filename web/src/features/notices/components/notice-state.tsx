import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NoticeState } from '@fulcrum/shared';

const colours: Record<NoticeState, string> = { upcoming: 'default', open: 'green', ended: 'default' };

export function NoticeStateTag({ state }: { state: NoticeState }) {
  const { t } = useTranslation();
  return (
    <Tag color={colours[state]} data-testid="notice-state">
      {t(`notices.state.${state}`)}
    </Tag>
  );
}

interface Period {
  startsOn: string;
  endsOn: string;
  workingDays: number;
  state: NoticeState;
  workingDaysLeft: number;
}

/** "公示期：2026-09-29 至 2026-10-12（5个工作日）" */
export function periodText(t: (key: string, options?: Record<string, unknown>) => string, p: Period) {
  return t('notices.period', { start: p.startsOn, end: p.endsOn, days: p.workingDays });
}

/** What is left of the period: working days and the closing time, "closes today", or ended. */
export function remainingText(t: (key: string, options?: Record<string, unknown>) => string, p: Period) {
  if (p.state === 'ended') return t('notices.ended');
  if (p.state === 'upcoming') return t('notices.notStarted');
  return p.workingDaysLeft > 0 ? t('notices.daysLeft', { count: p.workingDaysLeft, end: p.endsOn }) : t('notices.lastDay');
}

/** The period line and what is left of it; `bare` leaves out the "公示期：" label (when the page labels it). */
export function NoticePeriod({ period, bare = false }: { period: Period; bare?: boolean }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: '4px 12px', alignItems: 'center' }} data-testid="notice-period">
      <span>{bare ? t('notices.periodRange', { start: period.startsOn, end: period.endsOn, days: period.workingDays }) : periodText(t, period)}</span>
      <Typography.Text type={period.state === 'open' ? 'warning' : 'secondary'} strong={period.state === 'open'} data-testid="notice-remaining">
        {remainingText(t, period)}
      </Typography.Text>
    </span>
  );
}
