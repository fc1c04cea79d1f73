import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Grid, Result, Skeleton, Space, Table, Typography, type TableProps } from 'antd';
import { ArrowLeftOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import dayjs from 'dayjs';
import type { TrainingMatch, TrainingNeedDetail, TrainingProposal } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { errorText } from '../../../lib/forms.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useCancelNeed } from '../api/use-cancel-need.ts';
import { useParkName } from '../api/use-parks.ts';
import { useMatch } from '../api/use-match.ts';
import { useProposals } from '../api/use-proposals.ts';
import { useTrainingNeed } from '../api/use-training-need.ts';
import { useWithdrawMatch } from '../api/use-withdraw-match.ts';
import { levelName, occupationName, percent } from '../components/labels.ts';
import { MatchDrawer } from '../components/match-drawer.tsx';
import { ResultsSummary } from '../components/match-results.tsx';
import { ProposalCard } from '../components/proposal-card.tsx';
import { RequestMatchModal } from '../components/request-match-modal.tsx';
import { MatchStatusTag, NeedStatusTag } from '../components/status-tags.tsx';
import '../i18n.ts';

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The results line of an accepted or completed match (fetched with the match's detail). */
function MatchResultsCell({ id }: { id: string }) {
  const { t } = useTranslation();
  const match = useMatch(id);
  if (match.isPending) return <Skeleton.Input active size="small" />;
  if (match.error) return <Typography.Text type="danger">{errorText(t, match.error)}</Typography.Text>;
  return <ResultsSummary results={match.data.results} />;
}

/** The need's requests to centres: status, answer, results, and withdrawing one still unanswered. */
function NeedMatches({ matches, onOpen }: { matches: TrainingMatch[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const withdraw = useWithdrawMatch();
  const wide = Grid.useBreakpoint().md !== false;
  const columns: TableProps<TrainingMatch>['columns'] = [
    {
      key: 'centre',
      title: t('matching.fields.centre'),
      width: 220,
      render: (_, m) => (
        <Typography.Link onClick={() => onOpen(m.id)} data-testid="need-match-open">
          {m.centreOrganisationName}
        </Typography.Link>
      ),
    },
    { key: 'status', title: t('matching.fields.status'), width: 100, render: (_, m) => <MatchStatusTag status={m.status} /> },
    { key: 'score', title: t('matching.need.score'), width: 80, align: 'right', render: (_, m) => percent(m.score, locale) },
    { key: 'requestedAt', title: t('matching.fields.requestedAt'), width: 150, render: (_, m) => when(m.requestedAt) },
    { key: 'responseNote', title: t('matching.fields.responseNote'), width: 200, render: (_, m) => m.responseNote ?? '—' },
    {
      key: 'results',
      title: t('matching.need.results'),
      width: 260,
      render: (_, m) => (m.status === 'accepted' || m.status === 'completed' ? <MatchResultsCell id={m.id} /> : '—'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      fixed: wide ? 'right' : undefined,
      render: (_, m) =>
        m.availableTransitions.includes('cancel') && (
          <Button
            size="small"
            danger
            data-testid="match-withdraw"
            onClick={() =>
              modal.confirm({
                title: t('matching.need.withdrawTitle'),
                content: m.centreOrganisationName,
                okText: t('matching.need.withdraw'),
                cancelText: t('common.cancel'),
                okButtonProps: { danger: true },
                onOk: async () => {
                  try {
                    await withdraw.mutateAsync(m.id);
                    void message.success(t('matching.need.withdrawn'));
                  } catch (e) {
                    void message.error(errorTextIn(t, 'matching.codes', e));
                  }
                },
              })
            }
          >
            {t('matching.need.withdraw')}
          </Button>
        ),
    },
  ];
  return (
    <Table<TrainingMatch>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={matches}
      columns={columns}
      data-testid="need-matches"
      locale={{ emptyText: t('matching.need.noMatches') }}
      scroll={{ x: 1100 }}
    />
  );
}

function NeedDetails({ need }: { need: TrainingNeedDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parkName = useParkName();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      data-testid="need-details"
      items={[
        { key: 'enterprise', label: t('matching.fields.enterprise'), children: need.organisationName },
        { key: 'occupation', label: t('matching.fields.occupation'), children: occupationName(need.occupation, locale) },
        { key: 'level', label: t('matching.fields.level'), children: levelName(need.level, locale) },
        { key: 'headcount', label: t('matching.fields.headcount'), children: t('matching.headcountValue', { count: need.headcount }) },
        { key: 'period', label: t('matching.fields.period'), children: `${need.preferredStart} ~ ${need.preferredEnd}` },
        { key: 'park', label: t('matching.fields.park'), children: parkName(need.industrialParkId, need.industrialParkName) ?? '—' },
        { key: 'location', label: t('matching.fields.location'), children: need.location ?? '—' },
        { key: 'createdAt', label: t('matching.fields.createdAt'), children: when(need.createdAt) },
        ...(need.note ? [{ key: 'note', label: t('matching.fields.note'), children: need.note, span: 'filled' as const }] : []),
      ]}
    />
  );
}

/** /console/training-needs/:id — a need, the centres proposed for it with the reasons, its requests, and cancelling it. */
export default function TrainingNeedDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { role } = useActor().activeMembership;
  const need = useTrainingNeed(id);
  const proposals = useProposals(id, need.isSuccess);
  const cancel = useCancelNeed(id);
  const [requesting, setRequesting] = useState<TrainingProposal | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  // Departments come here from the matching board, enterprises from their needs.
  const backTo = role === 'enterprise_admin' || role === 'training_manager' ? { path: '/console/training-needs', label: t('matching.need.back') } : { path: '/console/matching', label: t('matching.need.backToBoard') };
  const back = (
    <Link to={backTo.path} data-testid="need-back">
      <ArrowLeftOutlined /> {backTo.label}
    </Link>
  );

  if (need.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (need.error) {
    const missing = need.error instanceof ApiError && (need.error.status === 404 || need.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('matching.need.notFound') : errorText(t, need.error)}
        extra={<Button onClick={() => navigate(backTo.path)}>{backTo.label}</Button>}
        data-testid="need-not-found"
      />
    );
  }
  const data = need.data;
  const mayRequest = data.status === 'open' && (role === 'enterprise_admin' || role === 'training_manager');

  return (
    <Flex vertical gap={16} data-testid="training-need-page">
      {back}
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('matching.need.title')}
            </Typography.Title>
            <NeedStatusTag status={data.status} />
          </Space>
        }
        extra={
          data.canCancel && (
            <Button
              danger
              icon={<StopOutlined />}
              data-testid="need-cancel"
              onClick={() =>
                modal.confirm({
                  title: t('matching.need.cancelTitle'),
                  content: t('matching.need.cancelBody'),
                  okText: t('matching.need.cancel'),
                  cancelText: t('common.cancel'),
                  okButtonProps: { danger: true },
                  onOk: async () => {
                    try {
                      await cancel.mutateAsync();
                      void message.success(t('matching.need.cancelled'));
                    } catch (e) {
                      void message.error(errorTextIn(t, 'matching.codes', e));
                    }
                  },
                })
              }
            >
              {t('matching.need.cancel')}
            </Button>
          )
        }
      >
        <NeedDetails need={data} />
      </Card>
      <Card title={t('matching.need.matches')}>
        <NeedMatches matches={data.matches} onOpen={setOpened} />
      </Card>
      <Card title={t('matching.need.proposals')}>
        <Typography.Paragraph type="secondary">{t('matching.need.proposalsHint')}</Typography.Paragraph>
        {data.status !== 'open' && <Alert type="info" showIcon title={t('matching.need.proposalsClosed')} style={{ marginBottom: 12 }} />}
        {proposals.error ? (
          <Alert type="error" showIcon title={errorText(t, proposals.error)} />
        ) : proposals.isPending ? (
          <Skeleton active />
        ) : proposals.data.length === 0 ? (
          <Empty description={t('matching.need.noProposals')} data-testid="no-proposals" />
        ) : (
          <Flex vertical gap={12} data-testid="proposals">
            {proposals.data.map((p, index) => (
              <ProposalCard key={p.centreId} rank={index + 1} proposal={p} mayRequest={mayRequest} onRequest={() => setRequesting(p)} />
            ))}
          </Flex>
        )}
      </Card>
      <RequestMatchModal needId={id} proposal={requesting} onClose={() => setRequesting(null)} />
      <MatchDrawer id={opened} onClose={() => setOpened(null)} />
    </Flex>
  );
}
