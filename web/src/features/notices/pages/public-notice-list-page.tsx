import { Alert, Card, Empty, Flex, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../../lib/forms.ts';
import { useListState } from '../../../lib/list.ts';
import { usePublicNotices } from '../api/use-public-notices.ts';
import { NoticePeriod, NoticeStateTag } from '../components/notice-state.tsx';
import '../i18n.ts';

const filterKeys = ['state'] as const;

/** /public/notices — published notices, newest first; anyone may open them and object while they are open. */
export default function PublicNoticeListPage() {
  const { t } = useTranslation();
  const list = useListState(filterKeys, { pageSize: 10 });
  const notices = usePublicNotices(list.query);
  const state = list.state.filters.state ?? '';

  return (
    <div data-testid="public-notice-list">
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('notices.public.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('notices.public.subTitle')}</Typography.Paragraph>
      <Segmented
        value={state}
        onChange={(value) => list.setFilters({ state: String(value) || undefined })}
        options={[
          { value: '', label: t('notices.public.filterAll') },
          { value: 'open', label: t('notices.state.open') },
          { value: 'ended', label: t('notices.state.ended') },
        ]}
        style={{ marginBottom: 16 }}
        data-testid="public-notice-state"
      />
      {notices.error ? <Alert type="error" showIcon title={errorText(t, notices.error)} /> : null}
      {notices.isPending ? (
        <Skeleton active />
      ) : notices.data && notices.data.items.length === 0 ? (
        <Card>
          <Empty description={t('notices.public.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={12}>
          {notices.data?.items.map((n) => (
            <Card key={n.id} size="small" hoverable data-testid="public-notice-card">
              <Link to={`/public/notices/${n.id}`} style={{ color: 'inherit', display: 'block' }}>
                <Flex justify="space-between" align="flex-start" gap={8}>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {n.title}
                  </Typography.Title>
                  <NoticeStateTag state={n.state} />
                </Flex>
                <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0' }}>
                  {n.publisherName} · {t('notices.entryCount', { count: n.entryCount })}
                </Typography.Text>
                <NoticePeriod period={n} />
              </Link>
            </Card>
          ))}
        </Flex>
      )}
      {notices.data && notices.data.total > list.state.pageSize && (
        <Pagination
          style={{ marginTop: 16, textAlign: 'center' }}
          current={list.state.page}
          pageSize={list.state.pageSize}
          total={notices.data.total}
          showSizeChanger={false}
          onChange={(page) => list.onTableChange({ current: page, pageSize: list.state.pageSize }, {}, [])}
        />
      )}
    </div>
  );
}
