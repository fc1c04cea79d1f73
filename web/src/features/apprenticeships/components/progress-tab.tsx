import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { PlusOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatBasisPoints, sessionKindLabels, type ApprenticeshipClass, type ClassProgress, type ClassSession } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useApprentices } from '../api/use-apprentices.ts';
import { useProgress } from '../api/use-progress.ts';
import { useSessions } from '../api/use-sessions.ts';
import { hoursOf, progressRoles } from './labels.ts';
import { OnlineCoursesCard } from './online-courses-card.tsx';
import { RecordSessionModal } from './record-session-modal.tsx';
import { ApprenticeStatusTag } from './status-tags.tsx';

type Row = ClassProgress['apprentices'][number];
const danger = { color: '#cf1322', fontWeight: 600 } as const;
const figure = { fontVariantNumeric: 'tabular-nums' } as const;

/** A figure in red with the reason on hover when it breaks the policy's threshold. */
function Flagged({ value, flagged, reason }: { value: string; flagged: boolean; reason: string }) {
  if (!flagged) return <span style={figure}>{value}</span>;
  return (
    <Tooltip title={reason}>
      <span style={{ ...figure, ...danger }} data-testid="progress-flag">
        {value}
      </span>
    </Tooltip>
  );
}

/**
 * Hours and attendance (学时与考勤): record a session with its attendance; the sessions held; each apprentice's hours
 * against the policy (centralised minimum, online cap, video share), in red where a settlement check would flag it;
 * the platform courses whose credited study time counts as online hours.
 */
export function ProgressTab({ record }: { record: ApprenticeshipClass }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { role, organisationId } = useActor().activeMembership;
  const progress = useProgress(record.id);
  const [page, setPage] = useState(1);
  const sessions = useSessions(record.id, { page, pageSize: 10, sort: '-date' });
  const mayRecord = record.status === 'registered' && organisationId === record.organisationId && progressRoles.includes(role);
  const apprentices = useApprentices(record.id);
  const active = (apprentices.data?.items ?? []).filter((a) => a.status === 'active');
  const [recording, setRecording] = useState(false);
  const policy = progress.data?.policy;

  const progressColumns: TableProps<Row>['columns'] = [
    {
      key: 'name',
      title: t('apprenticeships.roster.person'),
      width: 150,
      fixed: 'left',
      render: (_, r) => (
        <Flex vertical gap={2} align="start">
          <span>{r.personName}</span>
          <ApprenticeStatusTag status={r.status} />
        </Flex>
      ),
    },
    {
      key: 'centralised',
      title: t('apprenticeships.progress.centralised'),
      width: 100,
      align: 'right',
      render: (_, r) => <Flagged value={hoursOf(r.hours.centralisedMinutes)} flagged={r.belowMinimum} reason={t('apprenticeships.progress.belowMinimum')} />,
    },
    { key: 'online', title: t('apprenticeships.progress.online'), width: 90, align: 'right', render: (_, r) => <span style={figure}>{hoursOf(r.hours.onlineMinutes)}</span> },
    {
      key: 'platform',
      title: <Tooltip title={t('apprenticeships.progress.platformHint')}>{t('apprenticeships.progress.platform')}</Tooltip>,
      width: 100,
      align: 'right',
      render: (_, r) => <span style={figure}>{hoursOf(r.hours.platformMinutes)}</span>,
    },
    { key: 'onTheJob', title: t('apprenticeships.progress.onTheJob'), width: 90, align: 'right', render: (_, r) => <span style={figure}>{hoursOf(r.hours.onTheJobMinutes)}</span> },
    { key: 'total', title: t('apprenticeships.progress.total'), width: 90, align: 'right', render: (_, r) => <span style={figure}>{hoursOf(r.hours.totalMinutes)}</span> },
    {
      key: 'onlineShare',
      title: t('apprenticeships.progress.onlineShare'),
      width: 110,
      align: 'right',
      render: (_, r) => <Flagged value={formatBasisPoints(r.onlineShareBp)} flagged={r.onlineAboveCap} reason={t('apprenticeships.progress.onlineAboveCap')} />,
    },
    {
      key: 'videoShare',
      title: t('apprenticeships.progress.videoShare'),
      width: 110,
      align: 'right',
      render: (_, r) => <Flagged value={formatBasisPoints(r.videoShareBp)} flagged={r.videoBelowMinimum} reason={t('apprenticeships.progress.videoBelowMinimum')} />,
    },
    { key: 'attendance', title: t('apprenticeships.progress.attendance'), width: 100, align: 'right', render: (_, r) => <span style={figure}>{formatBasisPoints(r.attendanceBp)}</span> },
  ];

  const sessionColumns: TableProps<ClassSession>['columns'] = [
    { key: 'date', title: t('apprenticeships.progress.date'), width: 110, dataIndex: 'date' },
    { key: 'time', title: t('apprenticeships.progress.time'), width: 120, render: (_, s) => `${s.startTime}–${s.endTime}` },
    {
      key: 'kind',
      title: t('apprenticeships.progress.kind'),
      width: 160,
      render: (_, s) => (
        <Space size={4}>
          {sessionKindLabels[s.kind][locale]}
          {s.videoRecorded && (
            <Tooltip title={t('apprenticeships.progress.video')}>
              <VideoCameraOutlined style={{ color: '#1f5fbf' }} />
            </Tooltip>
          )}
        </Space>
      ),
    },
    { key: 'minutes', title: t('apprenticeships.progress.minutes'), width: 80, align: 'right', render: (_, s) => <span style={figure}>{hoursOf(s.minutes)}</span> },
    { key: 'topic', title: t('apprenticeships.progress.topic'), width: 200, ellipsis: true, dataIndex: 'topic' },
    { key: 'location', title: t('apprenticeships.progress.location'), width: 180, ellipsis: true, dataIndex: 'location' },
    { key: 'attended', title: t('apprenticeships.progress.attended'), width: 120, align: 'right', render: (_, s) => <span style={figure}>{`${s.attendedCount} / ${s.absentCount}`}</span> },
    { key: 'recordedBy', title: t('apprenticeships.progress.recordedBy'), width: 110, render: (_, s) => s.recordedByName ?? '—' },
  ];
  const width = (cols: { width?: unknown }[]) => cols.reduce<number>((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="progress-tab">
      {progress.error ? <Alert type="error" showIcon title={errorText(t, progress.error)} /> : null}
      {progress.data && (
        <Alert
          type={policy ? 'info' : 'warning'}
          showIcon
          data-testid="progress-policy"
          title={
            <Space wrap>
              {policy
                ? t('apprenticeships.progress.policy', {
                    hours: policy.minCentralisedHours,
                    online: formatBasisPoints(policy.onlineShareCapBp),
                    video: formatBasisPoints(policy.videoShareMinBp),
                    version: policy.version,
                  })
                : t('apprenticeships.progress.noPolicy')}
              {policy?.isDemo && <Tag color="orange">{t('apprenticeships.form.demoPolicy')}</Tag>}
            </Space>
          }
          description={t('apprenticeships.progress.totals', {
            sessions: progress.data.sessions,
            total: hoursOf(progress.data.totals.totalMinutes),
            centralised: hoursOf(progress.data.totals.centralisedMinutes),
            online: hoursOf(progress.data.totals.onlineMinutes),
            onTheJob: hoursOf(progress.data.totals.onTheJobMinutes),
            video: hoursOf(progress.data.totals.videoMinutes),
          })}
        />
      )}
      <Card
        size="small"
        title={t('apprenticeships.progress.sessions')}
        extra={
          mayRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="session-record">
              {t('apprenticeships.progress.record')}
            </Button>
          )
        }
      >
        {record.status !== 'registered' && record.status !== 'completed' && <Typography.Paragraph type="secondary">{t('apprenticeships.progress.notRegistered')}</Typography.Paragraph>}
        {sessions.error ? <Alert type="error" showIcon title={errorText(t, sessions.error)} /> : null}
        <Table<ClassSession>
          rowKey="id"
          size="small"
          loading={sessions.isFetching}
          dataSource={sessions.data?.items}
          columns={sessionColumns}
          scroll={{ x: width(sessionColumns) }}
          pagination={{ current: page, pageSize: 10, total: sessions.data?.total ?? 0, onChange: setPage, showTotal: (n) => t('apprenticeships.progress.sessionCount', { n }) }}
          data-testid="session-table"
        />
      </Card>
      <OnlineCoursesCard record={record} />
      <Card size="small" title={t('apprenticeships.progress.table')}>
        <Table<Row>
          rowKey="apprenticeId"
          size="small"
          loading={progress.isFetching}
          dataSource={progress.data?.apprentices}
          columns={progressColumns}
          scroll={{ x: width(progressColumns) }}
          pagination={false}
          data-testid="progress-table"
        />
      </Card>
      {recording && <RecordSessionModal record={record} active={active} open onClose={() => setRecording(false)} />}
    </Space>
  );
}
