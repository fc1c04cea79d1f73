import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Grid, Result, Skeleton, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import dayjs from 'dayjs';
import type { NoticeObjection } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useNotice } from '../api/use-notice.ts';
import { EntriesView, entryLabel } from '../components/entries-view.tsx';
import { HandleObjectionModal } from '../components/handle-objection-modal.tsx';
import { NoticePeriod, NoticeStateTag } from '../components/notice-state.tsx';
import { subjectTypeLabel } from '../components/subject-type.ts';
import '../i18n.ts';

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** /console/notices/:id — a notice's entries and objections; the publishing department records each objection's outcome. */
export default function NoticeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const notice = useNotice(id);
  const [handling, setHandling] = useState<NoticeObjection | null>(null);
  const screens = Grid.useBreakpoint();

  if (notice.isPending) return <Skeleton active />;
  if (notice.error) {
    const missing = notice.error instanceof ApiError && (notice.error.status === 404 || notice.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('notices.console.notFound') : errorText(t, notice.error)}
        data-testid="notice-not-found"
        extra={
          <Button onClick={() => navigate('/console/notices')} icon={<ArrowLeftOutlined />}>
            {t('notices.console.backToList')}
          </Button>
        }
      />
    );
  }
  const n = notice.data;
  const entryName = (ref: string | null) => {
    if (ref === null) return t('notices.objection.wholeNotice');
    const entry = n.entries.find((e) => e.ref === ref);
    return entry ? entryLabel(n.columns, entry) : ref;
  };

  const outcomeOf = (o: NoticeObjection) =>
    o.status === 'open' ? (
      <Space orientation="vertical" size={4}>
        <Tag color="processing">{t('notices.lookup.status.open')}</Tag>
        {n.canHandle ? (
          <Button size="small" type="primary" onClick={() => setHandling(o)} data-testid="objection-handle">
            {t('notices.console.obj.handle')}
          </Button>
        ) : (
          <Tooltip title={t('notices.console.cannotHandle')}>
            <Button size="small" disabled>
              {t('notices.console.obj.handle')}
            </Button>
          </Tooltip>
        )}
      </Space>
    ) : (
      <Space orientation="vertical" size={2}>
        <Tag color={o.outcome === 'upheld' ? 'red' : 'default'}>{t(`notices.lookup.outcome.${o.outcome ?? 'dismissed'}`)}</Tag>
        <span style={{ whiteSpace: 'pre-wrap' }}>{o.handlingNote}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('notices.console.obj.handledBy', { name: o.handledByName ?? '—', at: o.handledAt ? at(o.handledAt) : '' })}
        </Typography.Text>
      </Space>
    );

  const columns: TableProps<NoticeObjection>['columns'] = [
    {
      key: 'filedAt',
      title: t('notices.console.obj.filedAt'),
      width: 150,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <span>{at(o.filedAt)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>
            {o.referenceCode}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'entry', title: t('notices.console.obj.entry'), width: 200, render: (_, o) => entryName(o.entryRef) },
    {
      key: 'objector',
      title: t('notices.console.obj.objector'),
      width: 180,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <span>{o.objectorName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.objectorPhone}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.objectorResidentIdMasked}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'content', title: t('notices.console.obj.content'), render: (_, o) => <span style={{ whiteSpace: 'pre-wrap' }}>{o.content}</span> },
    { key: 'status', title: t('notices.console.obj.status'), width: 240, render: (_, o) => outcomeOf(o) },
  ];

  return (
    <div data-testid="notice-detail-page">
      <PageHeader
        title={n.title}
        subTitle={t('notices.console.detail')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/notices')}>
              {t('common.back')}
            </Button>
            <Button icon={<ExportOutlined />} href={`/public/notices/${n.id}`} target="_blank" data-testid="notice-public-link">
              {t('notices.console.publicPage')}
            </Button>
            <Button icon={<PrinterOutlined />} href={`/print/notices/${n.id}`} target="_blank" data-testid="notice-print-link">
              {t('notices.console.printPage')}
            </Button>
            <Button icon={<DownloadOutlined />} href={`/api/v1/notices/${n.id}?format=xlsx`} data-testid="notice-export">
              {t('common.export')}
            </Button>
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('notices.console.columns.state')}>
              <NoticeStateTag state={n.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.console.subjectPlaceholder')}>{subjectTypeLabel(t, n.subjectType)}</Descriptions.Item>
            <Descriptions.Item label={t('notices.publisher')}>{n.publisherName}</Descriptions.Item>
            <Descriptions.Item label={t('notices.publishedAt')}>{at(n.publishedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('notices.periodLabel')} span={2}>
              <NoticePeriod period={n} bare />
            </Descriptions.Item>
            <Descriptions.Item label={t('notices.console.body')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{n.body}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card
          title={t('notices.console.objections')}
          extra={<span data-testid="notice-objection-summary">{t('notices.objectionCounts', n.objections)}</span>}
        >
          {!n.canHandle && n.objections.open > 0 && <Alert type="info" showIcon title={t('notices.console.cannotHandle')} style={{ marginBottom: 12 }} />}
          {screens.md ? (
            <Table<NoticeObjection>
              size="middle"
              rowKey="id"
              data-testid="objection-table"
              dataSource={n.objectionList}
              columns={columns}
              pagination={false}
              locale={{ emptyText: t('notices.console.noObjections') }}
              scroll={{ x: 900 }}
            />
          ) : n.objectionList.length === 0 ? (
            <Empty description={t('notices.console.noObjections')} />
          ) : (
            <Flex vertical gap={8} data-testid="objection-cards">
              {n.objectionList.map((o) => (
                <Card key={o.id} size="small">
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text strong>{o.objectorName}</Typography.Text>
                    <Typography.Text type="secondary">{at(o.filedAt)}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {o.objectorPhone} · {o.objectorResidentIdMasked} · {o.referenceCode}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: '8px 0 4px' }}>
                    <Typography.Text type="secondary">{t('notices.console.obj.entry')}</Typography.Text> {entryName(o.entryRef)}
                  </Typography.Paragraph>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{o.content}</Typography.Paragraph>
                  {outcomeOf(o)}
                </Card>
              ))}
            </Flex>
          )}
        </Card>
        <Card title={t('notices.entriesTitle', { count: n.entryCount })}>
          <EntriesView columns={n.columns} entries={n.entries} />
        </Card>
      </Space>
      <HandleObjectionModal noticeId={n.id} objection={handling} entryName={handling ? entryName(handling.entryRef) : ''} onClose={() => setHandling(null)} />
    </div>
  );
}
