import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Grid, Popconfirm, Progress, Row, Skeleton, Space, Table, Typography, type TableProps } from 'antd';
import { ArrowLeftOutlined, NotificationOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import dayjs from 'dayjs';
import type { SelectionBatchDetail, TrainingCentreApplicationSummary } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useLocale } from '../../../lib/session.ts';
import { useBatch } from '../api/use-batch.ts';
import { useRemoveBatchApplication } from '../api/use-batch-applications.ts';
import { useCertifyBatch } from '../api/use-batch-transition.ts';
import { AddApplicationModal, PublishNoticeModal } from '../components/batch-modals.tsx';
import { certifyRefusal } from '../components/certify-refusal.ts';
import { scopeText } from '../components/labels.ts';
import { LoadFailure } from '../../../components/load-failure.tsx';
import { ApplicationStatusTag, BatchStatusTag } from '../components/status-tags.tsx';
import '../i18n.ts';

const noticePath = (id: string) => `/console/notices/${id}`;

/** Why certifying was refused, in words, with the way to the notice when objections are still open there. */
function CertifyRefusal({ error, batch }: { error: unknown; batch: SelectionBatchDetail }) {
  const { t } = useTranslation();
  const refusal = certifyRefusal(error);
  const text = refusal ? t(refusal.key, refusal.values) : errorTextIn(t, 'trainingCentres.codes', error);
  const action =
    refusal?.toNotice && batch.noticeId ? (
      <Link to={noticePath(batch.noticeId)} data-testid="handle-objections">
        {t('trainingCentres.codes.handleObjections')}
      </Link>
    ) : null;
  return <Alert type="warning" showIcon title={text} action={action} data-testid="certify-refused" />;
}

/** One selection batch: quota used, its applications (add, remove while open), its public notice, and certification. */
export default function BatchDetailPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const { id = '' } = useParams();
  const batch = useBatch(id);
  const remove = useRemoveBatchApplication(id);
  const certify = useCertifyBatch(id);
  const [adding, setAdding] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [result, setResult] = useState<{ certified: number; excluded: number } | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const narrow = Grid.useBreakpoint().md === false;

  if (batch.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (batch.error) {
    return (
      <LoadFailure
        hint={t('trainingCentres.review.notFoundHint')}
        error={batch.error}
        notFound={t('trainingCentres.batches.notFound')}
        back={{ path: '/console/selection-batches', label: t('trainingCentres.batches.backToList') }}
        onRetry={() => void batch.refetch()}
      />
    );
  }
  const b = batch.data;
  const canPublish = b.availableTransitions.includes('publish_notice');
  const canCertify = b.availableTransitions.includes('certify');
  // Adding and removing are the bureau officer's work on an open batch: the same people who may publish it.
  const canEdit = b.status === 'open' && (canPublish || b.availableTransitions.includes('cancel'));
  const percent = b.quota ? Math.round((b.applicationCount / b.quota) * 100) : 0;

  const confirmCertify = () =>
    modal.confirm({
      title: t('trainingCentres.batches.certifyTitle'),
      content: t('trainingCentres.batches.certifyBody'),
      okText: t('trainingCentres.batches.certify'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setRefusal(null);
        try {
          const done = await certify.mutateAsync();
          setResult(done.counts);
        } catch (e) {
          setRefusal(e);
        }
      },
    });

  const columns: TableProps<TrainingCentreApplicationSummary>['columns'] = [
    ...(narrow ? [] : [{ key: 'index', title: '#', width: 50, render: (_: unknown, __: unknown, index: number) => index + 1 }]),
    {
      key: 'organisation',
      title: t('trainingCentres.fields.organisation'),
      width: 200,
      render: (_, a) => (
        <Flex vertical gap={4} align="start">
          <Link to={`/console/training-centre-applications/${a.id}`}>{a.organisationName}</Link>
          {narrow && <ApplicationStatusTag status={a.status} />}
        </Flex>
      ),
    },
    { key: 'uscc', title: t('trainingCentres.batches.uscc'), width: 180, render: (_, a) => <Typography.Text style={{ fontFamily: 'monospace' }}>{a.uscc ?? '—'}</Typography.Text> },
    { key: 'park', title: t('trainingCentres.centres.park'), width: 140, render: (_, a) => a.industrialParkName ?? '—' },
    { key: 'scope', title: t('trainingCentres.fields.scope'), width: 260, render: (_, a) => scopeText(a.scope, locale) },
    { key: 'capacity', title: t('trainingCentres.fields.annualCapacity'), width: 100, align: 'right', render: (_, a) => a.annualCapacity.toLocaleString(locale) },
    { key: 'status', title: t('trainingCentres.fields.status'), width: 140, render: (_, a) => <ApplicationStatusTag status={a.status} /> },
    ...(canEdit
      ? [
          {
            key: 'remove',
            title: t('common.actions'),
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, a: TrainingCentreApplicationSummary) => (
              <Popconfirm
                title={t('trainingCentres.batches.removeTitle')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={async () => {
                  try {
                    await remove.mutateAsync(a.id);
                    void message.success(t('trainingCentres.batches.removed'));
                  } catch (e) {
                    void message.error(errorTextIn(t, 'trainingCentres.codes', e));
                  }
                }}
              >
                <Button type="link" size="small" danger data-testid="batch-remove">
                  {t('trainingCentres.batches.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="batch-detail-page">
      <div style={{ marginBottom: 8 }}>
        <Link to="/console/selection-batches">
          <ArrowLeftOutlined /> {t('trainingCentres.batches.backToList')}
        </Link>
      </div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="batch-name">{b.name}</span>
            <BatchStatusTag status={b.status} />
          </Space>
        }
        extra={
          <>
            {canPublish && (
              <Button icon={<NotificationOutlined />} onClick={() => setPublishing(true)} disabled={b.applicationCount === 0} data-testid="batch-publish">
                {t('trainingCentres.batches.publish')}
              </Button>
            )}
            {canCertify && (
              <Button type="primary" icon={<SafetyCertificateOutlined />} loading={certify.isPending} onClick={confirmCertify} data-testid="batch-certify">
                {t('trainingCentres.batches.certify')}
              </Button>
            )}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {refusal !== null && <CertifyRefusal error={refusal} batch={b} />}
        {result && (
          <Alert type="success" showIcon data-testid="certify-result" title={t('trainingCentres.batches.certifiedResult', result)} />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card style={{ height: '100%' }}>
              <Descriptions
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'year', label: t('trainingCentres.batches.year'), children: b.year },
                  { key: 'validity', label: t('trainingCentres.batches.validityYears'), children: b.validityYears },
                  { key: 'period', label: t('trainingCentres.batches.period'), children: `${b.opensOn} ~ ${b.closesOn}`, span: 'filled' },
                  {
                    key: 'notice',
                    label: t('trainingCentres.batches.notice'),
                    span: 'filled',
                    children: b.notice ? (
                      <Space wrap data-testid="batch-notice">
                        {t('trainingCentres.batches.noticePeriod', { from: b.notice.startsOn, to: b.notice.endsOn })}
                        {b.noticeId && (
                          <Link to={noticePath(b.noticeId)} data-testid="batch-notice-link">
                            {t('trainingCentres.batches.viewNotice')}
                          </Link>
                        )}
                      </Space>
                    ) : (
                      <Typography.Text type="secondary">{t('trainingCentres.batches.noNotice')}</Typography.Text>
                    ),
                  },
                  { key: 'createdAt', label: t('trainingCentres.batches.createdAt'), children: dayjs(b.createdAt).format('YYYY-MM-DD HH:mm') },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title={t('trainingCentres.batches.usage')} style={{ height: '100%' }} data-testid="batch-usage">
              <Progress percent={percent} status="normal" format={() => `${b.applicationCount} / ${b.quota}`} />
              <Typography.Text type={b.applicationCount >= b.quota && b.status === 'open' ? 'danger' : 'secondary'}>
                {b.applicationCount >= b.quota && b.status === 'open'
                  ? t('trainingCentres.codes.QUOTA_FULL')
                  : t('trainingCentres.batches.usageText', { count: b.applicationCount, quota: b.quota })}
              </Typography.Text>
            </Card>
          </Col>
        </Row>
        <Card
          title={t('trainingCentres.batches.applications')}
          extra={
            canEdit && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={b.applicationCount >= b.quota} data-testid="batch-add">
                {t('trainingCentres.batches.add')}
              </Button>
            )
          }
        >
          <Table<TrainingCentreApplicationSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={b.applications}
            pagination={false}
            locale={{ emptyText: t('trainingCentres.batches.empty') }}
            scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0) }}
            data-testid="batch-applications"
          />
        </Card>
      </Space>
      {adding && <AddApplicationModal batch={b} onClose={() => setAdding(false)} />}
      {publishing && <PublishNoticeModal batch={b} onClose={() => setPublishing(false)} />}
    </div>
  );
}
