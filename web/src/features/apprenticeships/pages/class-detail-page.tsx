import { Button, Card, Result, Skeleton, Space, Tabs } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { rosterEditableStatuses, type ClassStatus } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useActor } from '../../../lib/session.ts';
import { useClass } from '../api/use-class.ts';
import { ClassActions } from '../components/class-actions.tsx';
import { ClaimsTab } from '../components/claims-tab.tsx';
import { rosterRoles } from '../components/labels.ts';
import { OverviewTab } from '../components/overview-tab.tsx';
import { ProgressTab } from '../components/progress-tab.tsx';
import { RosterTab } from '../components/roster-tab.tsx';
import { ClassStatusTag, DueTag } from '../components/status-tags.tsx';
import '../i18n.ts';
import { isNotFound } from '../../../components/load-failure.tsx';

const tabs = ['overview', 'roster', 'progress', 'claims'] as const;
type Tab = (typeof tabs)[number];

/** A missing record and a malformed id in the address are the same thing to the reader: not found. */

/**
 * /console/apprenticeship-classes/:id/:tab? — one class: its header with the steps the user may take, and tabs for the
 * overview (facts, stage, history), the roster, hours and attendance, and subsidy claims (not for instructors).
 */
export default function ClassDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '', tab: tabParam } = useParams();
  const { role, organisationId } = useActor().activeMembership;
  const query = useClass(id);
  const visible = tabs.filter((tab) => tab !== 'claims' || role !== 'instructor');
  const tab: Tab = visible.find((v) => v === tabParam) ?? 'overview';
  const listPath = '/console/apprenticeship-classes';
  const back = (
    <Link to={listPath} data-testid="back-to-list">
      <ArrowLeftOutlined /> {t('apprenticeships.detail.backToList')}
    </Link>
  );

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.error) {
    const missing = isNotFound(query.error);
    return (
      <Card>
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? t('apprenticeships.detail.notFound') : errorText(t, query.error)}
          subTitle={missing ? t('apprenticeships.detail.notFoundHint') : undefined}
          extra={
            <>
              <Button onClick={() => navigate(listPath)}>{t('apprenticeships.detail.backToList')}</Button>
              {!missing && <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
            </>
          }
          data-testid="record-not-found"
        />
      </Card>
    );
  }
  const record = query.data;
  const mayEdit = record.organisationId === organisationId && rosterRoles.includes(role) && (rosterEditableStatuses as readonly ClassStatus[]).includes(record.status);
  const content: Record<Tab, React.ReactNode> = {
    overview: <OverviewTab record={record} />,
    roster: <RosterTab record={record} />,
    progress: <ProgressTab record={record} />,
    claims: <ClaimsTab record={record} />,
  };

  return (
    <div data-testid="class-detail-page">
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="class-name-title">{record.name}</span>
            <ClassStatusTag status={record.status} />
            <DueTag dueOn={record.dueOn} overdue={record.overdue} />
          </Space>
        }
        subTitle={[record.organisationName, record.registrationNo].filter(Boolean).join(' · ')}
        extra={
          <>
            {mayEdit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`${listPath}/${record.id}/edit`)} data-testid="class-edit">
                {t('apprenticeships.detail.edit')}
              </Button>
            )}
            <ClassActions record={record} />
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(`${listPath}/${record.id}/${key}`, { replace: true })}
          destroyOnHidden
          data-testid="class-tabs"
          items={visible.map((key) => ({ key, label: <span data-testid={`class-tab-${key}`}>{t(`apprenticeships.detail.tabs.${key}`)}</span>, children: content[key] }))}
        />
      </Card>
    </div>
  );
}
