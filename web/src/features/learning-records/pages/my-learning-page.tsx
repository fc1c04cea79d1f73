import { Card, Empty, Flex, Result, Skeleton, Typography } from 'antd';
import { ClockCircleOutlined, TrophyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { studyTimeText } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useMyProgress } from '../api/use-my-progress.ts';
import { scorePercent } from '../components/filters.ts';
import { Completion } from '../components/progress-tab.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import '../i18n.ts';

/** /m/learning — an employee's own learning on the phone: one card per activity with its status, score and study time. */
export default function MyLearningPage() {
  const { t } = useTranslation();
  const progress = useMyProgress();

  if (progress.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 4 }} />
      </Card>
    );
  }
  if (progress.error) {
    const notPerson = progress.error instanceof ApiError && progress.error.status === 404;
    return (
      <Card>
        <Result status={notPerson ? 'info' : 'error'} title={notPerson ? t('learningRecords.mine.notPerson') : errorText(t, progress.error)} />
      </Card>
    );
  }
  const rows = progress.data.items;
  return (
    <Flex vertical gap={12} data-testid="my-learning-page">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('learningRecords.mine.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('learningRecords.mine.subTitle')}</Typography.Text>
      </div>
      {rows.length === 0 ? (
        <Card>
          <Empty description={t('learningRecords.mine.empty')}>
            <Typography.Text type="secondary">{t('learningRecords.mine.emptyHint')}</Typography.Text>
          </Empty>
        </Card>
      ) : (
        rows.map((row) => (
          <Card key={row.activityId} size="small" data-testid="my-learning-card">
            <Flex justify="space-between" align="start" gap={8}>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {row.activityName ?? row.activityId}
              </Typography.Text>
              <StatusTag status={row.status} />
            </Flex>
            {(row.completed || row.progress !== null) && (
              <div style={{ marginTop: 10 }}>
                <Completion row={row} />
              </div>
            )}
            <Flex gap={16} wrap style={{ color: '#595959', marginTop: 8 }}>
              <span>
                <TrophyOutlined /> {t('learningRecords.mine.score')} {row.scoreScaled === null ? t('learningRecords.mine.noScore') : `${scorePercent(row.scoreScaled)}%`}
              </span>
              <span>
                <ClockCircleOutlined /> {t('learningRecords.mine.studyTime')} {studyTimeText(row.studySeconds)}
              </span>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('learningRecords.mine.lastAt', { time: dayjs(row.lastAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          </Card>
        ))
      )}
    </Flex>
  );
}
