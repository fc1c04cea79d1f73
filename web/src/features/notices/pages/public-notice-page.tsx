import { Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import dayjs from 'dayjs';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { usePublicNotice } from '../api/use-public-notice.ts';
import { EntriesView } from '../components/entries-view.tsx';
import { NoticePeriod, NoticeStateTag } from '../components/notice-state.tsx';
import { ObjectionForm } from '../components/objection-form.tsx';
import { ObjectionLookup } from '../components/objection-lookup.tsx';
import '../i18n.ts';

/** /public/notices/:id — a notice as published (private persons masked), the period, the objection form and the lookup. */
export default function PublicNoticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const notice = usePublicNotice(id);

  if (notice.isPending) return <Skeleton active />;
  if (notice.error) {
    const missing = notice.error instanceof ApiError && (notice.error.status === 404 || notice.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('notices.public.notFound') : errorText(t, notice.error)}
        data-testid="public-notice-not-found"
        extra={
          <Link to="/public/notices">
            <Button icon={<ArrowLeftOutlined />}>{t('notices.public.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const n = notice.data;
  const total = n.objections.open + n.objections.handled;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="public-notice-page">
      <Link to="/public/notices">
        <ArrowLeftOutlined /> {t('notices.public.backToList')}
      </Link>
      <Card>
        <Space size={8} wrap style={{ marginBottom: 8 }}>
          <NoticeStateTag state={n.state} />
        </Space>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="public-notice-title">
          {n.title}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('notices.publisher')}>{n.publisherName}</Descriptions.Item>
          <Descriptions.Item label={t('notices.publishedAt')}>{dayjs(n.publishedAt).format('YYYY-MM-DD')}</Descriptions.Item>
          <Descriptions.Item span={2} label={t('notices.periodLabel')}>
            <NoticePeriod period={n} bare />
          </Descriptions.Item>
          <Descriptions.Item span={2} label={t('notices.console.objections')}>
            <span data-testid="public-objection-counts">{t('notices.objectionCountsPublic', { total, handled: n.objections.handled })}</span>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.8 }} data-testid="public-notice-body">
          {n.body}
        </Typography.Paragraph>
      </Card>
      <Card
        title={t('notices.entriesTitle', { count: n.entryCount })}
        styles={{ body: { padding: 12 } }}
        extra={
          n.entryCount > 0 && (
            <Button size="small" icon={<DownloadOutlined />} href={`/api/v1/public/notices/${n.id}?format=xlsx`} data-testid="public-notice-export">
              {t('common.export')}
            </Button>
          )
        }
      >
        <EntriesView columns={n.columns} entries={n.entries} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('notices.objection.title')}>
            <ObjectionForm notice={n} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('notices.lookup.title')}>
            <ObjectionLookup />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
