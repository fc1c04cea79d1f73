import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { departmentKindLabels, enterpriseSizeLabels, organisationTypeLabels, type Organisation } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useOrganisation } from '../api/use-organisation.ts';
import { canSeeAudit, editableOf } from './access.ts';
import { OrganisationFormDrawer } from './organisation-form.tsx';
import { useReference } from './reference.ts';
// Registers the organisations strings before this component renders (pages are loaded lazily).
import '../i18n.ts';
import { isNotFound } from '../../../components/load-failure.tsx';

const empty = <Typography.Text type="secondary">—</Typography.Text>;
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** A missing record and a malformed id in the address are the same thing to the reader: not found. */

function Contacts({ contacts }: { contacts: Organisation['contacts'] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return <Typography.Text type="secondary">{t('organisations.detail.noContacts')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={4} data-testid="organisation-contacts">
      {contacts.map((contact, index) => (
        <Space key={index} wrap size={[12, 0]}>
          <Typography.Text strong>{contact.name}</Typography.Text>
          {contact.title && <Typography.Text type="secondary">{contact.title}</Typography.Text>}
          <Typography.Text copyable>{contact.phone}</Typography.Text>
          {contact.email && <Typography.Link href={`mailto:${contact.email}`}>{contact.email}</Typography.Link>}
        </Space>
      ))}
    </Space>
  );
}

/**
 * One organisation's record with every field, an edit drawer for those who may change it (all fields, or the
 * self-editable ones for its own admin) and a link to its audit trail. Used by the registry and "my organisation".
 */
export function OrganisationDetails({ id, backTo }: { id: string; backTo?: { path: string; label: string } }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { activeMembership } = useActor();
  const reference = useReference();
  const organisation = useOrganisation(id);
  const [editing, setEditing] = useState(false);

  const back = backTo && (
    <Link to={backTo.path} data-testid="organisation-back">
      <ArrowLeftOutlined /> {backTo.label}
    </Link>
  );

  if (organisation.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (organisation.error) {
    const notFound = isNotFound(organisation.error);
    return (
      <Card>
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('organisations.detail.notFound') : t('organisations.detail.loadFailed')}
          subTitle={notFound ? t('organisations.detail.notFoundHint') : errorText(t, organisation.error)}
          extra={
            notFound ? (
              backTo && <Button onClick={() => navigate(backTo.path)}>{backTo.label}</Button>
            ) : (
              <Button onClick={() => void organisation.refetch()}>{t('common.retry')}</Button>
            )
          }
          data-testid={notFound ? 'organisation-not-found' : 'organisation-load-error'}
        />
      </Card>
    );
  }

  const org = organisation.data;
  const editable = editableOf(activeMembership, org);
  const isDepartment = org.type === 'government_department';
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('organisations.fields.name'), children: org.name, span: 2 },
    { key: 'type', label: t('organisations.fields.type'), children: organisationTypeLabels[org.type][locale] },
    ...(isDepartment
      ? [{ key: 'departmentKind', label: t('organisations.fields.departmentKind'), children: org.departmentKind ? departmentKindLabels[org.departmentKind][locale] : empty }]
      : []),
    { key: 'region', label: t('organisations.fields.region'), children: reference.regionName(org.regionId) },
    {
      key: 'uscc',
      label: t('organisations.fields.uscc'),
      children: org.uscc ? <Typography.Text copyable style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{org.uscc}</Typography.Text> : empty,
    },
    { key: 'industry', label: t('organisations.fields.industry'), children: reference.industryPath(org.industryDivision) ?? empty },
    { key: 'park', label: t('organisations.fields.park'), children: reference.parkName(org.industrialParkId) ?? empty },
    { key: 'size', label: t('organisations.fields.size'), children: org.size ? enterpriseSizeLabels[org.size][locale] : empty },
    { key: 'stateOwned', label: t('organisations.fields.stateOwned'), children: org.stateOwned ? t('common.yes') : t('common.no') },
    {
      key: 'employeeCount',
      label: t('organisations.fields.employeeCount'),
      children: org.employeeCount === null ? empty : org.employeeCount.toLocaleString(locale),
    },
    { key: 'contacts', label: t('organisations.fields.contacts'), children: <Contacts contacts={org.contacts} />, span: 2 },
    { key: 'createdAt', label: t('organisations.fields.createdAt'), children: when(org.createdAt) },
    { key: 'updatedAt', label: t('organisations.fields.updatedAt'), children: when(org.updatedAt) },
  ];

  return (
    <Flex vertical gap={12}>
      {back}
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="organisation-name">
              {org.name}
            </Typography.Title>
            <Tag color="blue">{isDepartment && org.departmentKind ? departmentKindLabels[org.departmentKind][locale] : organisationTypeLabels[org.type][locale]}</Tag>
            {org.stateOwned && <Tag color="red">{t('organisations.fields.stateOwned')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {canSeeAudit(activeMembership.role) && (
              <Button icon={<AuditOutlined />} onClick={() => navigate(`/console/audit?entityId=${org.id}`)} data-testid="organisation-audit-link">
                {t('organisations.detail.audit')}
              </Button>
            )}
            {editable && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="organisation-edit">
                {t('organisations.detail.edit')}
              </Button>
            )}
          </Space>
        }
        data-testid="organisation-details"
      >
        <Descriptions bordered column={{ xs: 1, sm: 1, md: 1, lg: 2 }} items={items} styles={{ label: { width: 180 } }} />
      </Card>
      {editable && (
        <OrganisationFormDrawer
          mode="edit"
          open={editing}
          organisation={org}
          editable={editable}
          onClose={() => setEditing(false)}
          onDone={() => setEditing(false)}
        />
      )}
    </Flex>
  );
}
