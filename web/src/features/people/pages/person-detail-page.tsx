import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Table, type TableProps } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import dayjs from 'dayjs';
import type { Employment } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useActor } from '../../../lib/session.ts';
import { can } from '../abilities.ts';
import { usePerson } from '../api/use-person.ts';
import { EditPersonModal } from '../components/edit-person-modal.tsx';
import { ContractPeriod, EmploymentStatus } from '../components/employment-status.tsx';
import { ResidentId } from '../components/resident-id.tsx';
import '../i18n.ts';

/** One person: name, masked ID (full ID on an audited request), gender, mobile, and the employments the user may see. */
export default function PersonDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const role = useActor().activeMembership.role;
  const person = usePerson(id);
  const [editing, setEditing] = useState(false);

  if (person.isPending) return <Skeleton active />;
  if (person.error) {
    const missing = person.error instanceof ApiError && (person.error.status === 404 || person.error.status === 400);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('people.detail.notFound') : errorText(t, person.error)}
        data-testid="person-not-found"
        extra={
          <Button onClick={() => navigate('/console/people')} icon={<ArrowLeftOutlined />}>
            {t('people.detail.backToList')}
          </Button>
        }
      />
    );
  }
  const p = person.data;

  const columns: TableProps<Employment>['columns'] = [
    { key: 'organisation', title: t('people.fields.organisation'), dataIndex: 'organisationName' },
    { key: 'position', title: t('people.fields.position'), dataIndex: 'position' },
    { key: 'startDate', title: t('people.fields.startDate'), dataIndex: 'startDate', width: 120 },
    { key: 'endDate', title: t('people.fields.endDate'), width: 120, render: (_, e) => e.endDate ?? '—' },
    { key: 'contract', title: t('people.fields.contract'), render: (_, e) => <ContractPeriod start={e.contractStart} end={e.contractEnd} /> },
    { key: 'status', title: t('people.fields.status'), width: 100, render: (_, e) => <EmploymentStatus endDate={e.endDate} /> },
  ];

  return (
    <div data-testid="person-detail-page">
      <PageHeader
        title={p.name}
        subTitle={t('people.detail.title')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            {can(role, 'readAudit') && (
              <Button icon={<AuditOutlined />} onClick={() => navigate(`/console/audit?entityId=${p.id}`)} data-testid="person-audit-link">
                {t('people.detail.auditTrail')}
              </Button>
            )}
            {can(role, 'update') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
                {t('people.detail.edit')}
              </Button>
            )}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('people.detail.basic')}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            data-testid="person-details"
            items={[
              { key: 'name', label: t('people.fields.name'), children: p.name },
              {
                key: 'residentId',
                label: t('people.fields.residentId'),
                children: <ResidentId personId={p.id} masked={p.residentIdMasked} canReveal={can(role, 'revealResidentId')} />,
              },
              { key: 'gender', label: t('people.fields.gender'), children: t(`people.gender.${p.gender}`) },
              { key: 'phone', label: t('people.fields.phone'), children: p.phone ?? '—' },
              { key: 'createdAt', label: t('people.fields.createdAt'), children: dayjs(p.createdAt).format('YYYY-MM-DD HH:mm') },
            ]}
          />
        </Card>
        <Card title={t('people.detail.employments')} extra={<span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('people.detail.employmentsHint')}</span>}>
          {p.employments.length ? (
            <Table<Employment> rowKey="id" size="middle" columns={columns} dataSource={p.employments} pagination={false} scroll={{ x: 720 }} data-testid="person-employments" />
          ) : (
            <Alert type="info" title={t('people.detail.noEmployments')} />
          )}
        </Card>
      </Space>
      {editing && <EditPersonModal person={p} open={editing} onClose={() => setEditing(false)} />}
    </div>
  );
}
