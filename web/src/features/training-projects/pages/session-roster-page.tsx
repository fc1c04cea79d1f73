import { useState } from 'react';
import { App, Button, Card, Col, Row, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { RosterEntry } from '@fulcrum/shared';
import { LoadFailure } from '../../../components/load-failure.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useRoster } from '../api/use-roster.ts';
import { CorrectionModal } from '../components/correction-modal.tsx';
import { AttendanceTag, dateTime, RegistrationTag, timeRange } from '../components/labels.tsx';
import { SessionQr } from '../components/session-qr.tsx';
import '../i18n.ts';

const backPath = '/console/learning/sessions';
const hm = (iso: string) => dateTime(iso).slice(11);

/** /console/learning/sessions/:id — the rotating check-in QR code beside the live roster, with corrections. */
export default function SessionRosterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const roster = useRoster(id);
  const [correcting, setCorrecting] = useState<RosterEntry | null>(null);

  if (roster.isPending) return <Card><Skeleton active /></Card>;
  if (roster.error) {
    return <LoadFailure error={roster.error} notFound={t('trainingProjects.roster.notFound')} back={{ path: backPath, label: t('trainingProjects.roster.back') }} onRetry={() => void roster.refetch()} />;
  }
  const { session, window, counts, ended, entries } = roster.data;
  return (
    <>
      <PageHeader
        title={<span data-testid="session-heading">{session.title}</span>}
        subTitle={`${session.projectTitle} · ${timeRange(session.startsAt, session.endsAt)} · ${session.venue}`}
        extra={<Button onClick={() => navigate(backPath)}>{t('trainingProjects.roster.back')}</Button>}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={t('trainingProjects.roster.qrTitle')}>
            {ended || session.status !== 'scheduled' ? (
              <Typography.Text type="secondary">{t('trainingProjects.roster.ended')}</Typography.Text>
            ) : (
              <SessionQr sessionId={session.id} enabled={!ended} />
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('trainingProjects.roster.window', { opens: dateTime(window.opensAt), closes: hm(window.closesAt), full: hm(window.fullUntil) })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={<span data-testid="roster-counts">{t('trainingProjects.roster.counts', counts)}</span>}>
            <Table<RosterEntry>
              size="middle"
              rowKey="personId"
              data-testid="roster-table"
              dataSource={entries}
              pagination={false}
              scroll={{ x: 640 }}
              columns={[
                { key: 'name', title: t('trainingProjects.roster.columns.name'), dataIndex: 'name' },
                {
                  key: 'registration',
                  title: t('trainingProjects.roster.columns.registration'),
                  render: (_, e) => <RegistrationTag status={e.registrationStatus} text={e.waitlistPosition ? t('trainingProjects.roster.waitlist', { n: e.waitlistPosition }) : undefined} />,
                },
                { key: 'state', title: t('trainingProjects.roster.columns.state'), render: (_, e) => (e.state ? <AttendanceTag state={e.state} /> : <Typography.Text type="secondary">{t('trainingProjects.roster.pending')}</Typography.Text>) },
                { key: 'checkedInAt', title: t('trainingProjects.roster.columns.checkedInAt'), render: (_, e) => (e.checkedInAt ? hm(e.checkedInAt) : '—') },
                { key: 'method', title: t('trainingProjects.roster.columns.method'), render: (_, e) => (e.method ? t(`trainingProjects.roster.method.${e.method}`) : '—') },
                { key: 'note', title: t('trainingProjects.roster.columns.note'), dataIndex: 'note' },
                {
                  key: 'correct',
                  fixed: 'right',
                  width: 72,
                  render: (_, e) =>
                    e.registrationStatus === 'registered' ? (
                      <a onClick={() => setCorrecting(e)} data-testid="correction-open">
                        {t('trainingProjects.roster.correct')}
                      </a>
                    ) : null,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <CorrectionModal sessionId={session.id} entry={correcting} onClose={() => setCorrecting(null)} onDone={() => void message.success(t('trainingProjects.roster.corrected'))} />
    </>
  );
}
