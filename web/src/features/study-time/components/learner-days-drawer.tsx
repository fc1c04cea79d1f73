import { Drawer, Empty, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { studyTimeText } from '@fulcrum/shared';
import { BarChart } from '../../../components/bar-chart.tsx';
import { useLearnerDays } from '../api/use-learner-days.ts';

/** A learner's credited minutes per day over the last 30 days, for the reviewer to see the pattern around a flag. */
export function LearnerDaysDrawer({ personId, onClose }: { personId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const days = useLearnerDays(personId);
  const data = days.data;
  return (
    <Drawer open={personId !== null} onClose={onClose} size={480} title={data ? t('studyTime.review.days.title', { name: data.personName }) : ''} data-testid="learner-days">
      {days.isPending ? (
        <Skeleton active />
      ) : !data?.days.length ? (
        <Empty description={t('studyTime.review.days.empty')} />
      ) : (
        <>
          <Typography.Paragraph strong>{t('studyTime.review.days.total', { time: studyTimeText(data.totalSeconds) })}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('studyTime.review.days.unit')}</Typography.Paragraph>
          <BarChart bars={data.days.map((d) => ({ key: d.day, label: d.day, value: Math.round(d.creditedSeconds / 60) }))} height={Math.max(200, data.days.length * 26)} testId="learner-days-chart" />
        </>
      )}
    </Drawer>
  );
}
