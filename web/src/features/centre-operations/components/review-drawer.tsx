import { useState } from 'react';
import { Button, Card, Descriptions, Drawer, Flex, Grid, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { centreStatusLabels } from '@fulcrum/shared';
import { AttachmentList } from '../../../components/attachment-list.tsx';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useLocale } from '../../../lib/session.ts';
import { useAnnualReview } from '../api/use-annual-review.ts';
import { DecideModal } from './decide-modal.tsx';
import { FiguresView } from './figures-view.tsx';
import { HistoryTimeline } from './history-timeline.tsx';
import { centreStatusColour } from './labels.ts';
import { DecisionTag, ReviewStatusTag } from './review-tags.tsx';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** One annual report for reading and deciding: the figures as filed, the narrative, attachments, history, and the decision. */
export function ReviewDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const screens = Grid.useBreakpoint();
  const review = useAnnualReview(id);
  const [deciding, setDeciding] = useState(false);
  const data = review.data;

  let body: React.ReactNode;
  if (review.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (review.error) {
    const missing = review.error instanceof ApiError && (review.error.status === 404 || review.error.status === 400);
    body = <Result status={missing ? '404' : 'error'} title={missing ? t('centreOps.reviews.notFound') : errorText(t, review.error)} />;
  } else if (data) {
    body = (
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'organisation', label: t('centreOps.reviews.organisation'), children: data.organisationName },
            { key: 'certificateNo', label: t('centreOps.reviews.certificateNo'), children: <Typography.Text style={{ fontFamily: 'monospace' }}>{data.certificateNo}</Typography.Text> },
            {
              key: 'centreStatus',
              label: t('centreOps.reviews.centreStatus'),
              children: <Tag color={centreStatusColour[data.centreStatus]}>{centreStatusLabels[data.centreStatus][locale]}</Tag>,
            },
            { key: 'filedAt', label: t('centreOps.reviews.filedAt'), children: when(data.filedAt) },
            {
              key: 'status',
              label: t('centreOps.reviews.status'),
              children: (
                <Space wrap size={4}>
                  <ReviewStatusTag review={data} />
                  {data.decision && <DecisionTag decision={data.decision} />}
                  {data.status === 'filed' && data.dueOn && (
                    <Typography.Text type={data.overdue ? 'danger' : 'secondary'}>
                      {t('centreOps.reviews.dueOn')} {data.dueOn}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            ...(data.decisionNote ? [{ key: 'note', label: t('centreOps.reviews.comment'), children: data.decisionNote }] : []),
          ]}
        />
        <Card size="small" title={t('centreOps.reviews.figures')}>
          <FiguresView figures={data.figures} compact />
        </Card>
        <Card size="small" title={t('centreOps.reviews.narrative')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="review-narrative">
            {data.narrative}
          </Typography.Paragraph>
        </Card>
        <Card size="small" title={t('centreOps.reviews.attachments')}>
          <AttachmentList ids={data.attachmentIds} />
        </Card>
        <Card size="small" title={t('centreOps.reviews.history')}>
          <HistoryTimeline events={data.history} />
        </Card>
      </Flex>
    );
  }

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      title={data ? t('centreOps.reviews.detailTitle', { name: data.organisationName, year: data.year }) : t('centreOps.reviews.title')}
      extra={
        data?.availableTransitions.includes('decide') && (
          <Button type="primary" onClick={() => setDeciding(true)} data-testid="review-decide">
            {t('centreOps.reviews.decide')}
          </Button>
        )
      }
      data-testid="review-drawer"
    >
      {body}
      {data && <DecideModal review={data} open={deciding} onClose={() => setDeciding(false)} />}
    </Drawer>
  );
}
