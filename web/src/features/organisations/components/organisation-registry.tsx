import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { organisationSortKeys } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useListState } from '../../../lib/list.ts';
import { useActor } from '../../../lib/session.ts';
import { ExportButton } from '../../../components/export-button.tsx';
import { useOrganisations } from '../api/use-organisations.ts';
import { canCreateOrganisations, seesAllRegions } from './access.ts';
import { OrganisationFilters, organisationFilterKeys } from './organisation-filters.tsx';
import { OrganisationFormDrawer } from './organisation-form.tsx';
import { OrganisationTable } from './organisation-table.tsx';
// Registers the organisations strings before this component renders (pages are loaded lazily).
import '../i18n.ts';

const enterpriseFilterKeys = organisationFilterKeys.filter((key) => key !== 'type');

/**
 * A registry list: the enterprise registry (fixed to enterprises) or all organisations (with a type filter).
 * Search, filters, sort and page live in the URL; the export carries the same filters.
 */
export function OrganisationRegistry({ kind }: { kind: 'enterprises' | 'organisations' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { activeMembership } = useActor();
  const isEnterprises = kind === 'enterprises';
  const list = useListState(isEnterprises ? enterpriseFilterKeys : organisationFilterKeys, { sortKeys: organisationSortKeys });
  const query = isEnterprises ? { ...list.query, type: 'enterprise' } : list.query;
  const organisations = useOrganisations(query);
  const [creating, setCreating] = useState(false);
  const basePath = `/console/${kind}`;
  const wide = seesAllRegions(activeMembership.role);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t(`organisations.${kind}.title`)}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <ExportButton path="/organisations" query={{ ...list.state.filters, type: isEnterprises ? 'enterprise' : list.state.filters.type, sort: list.state.sort }} />
          {canCreateOrganisations(activeMembership.role) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="organisation-create">
              {t(`organisations.${kind}.create`)}
            </Button>
          )}
        </Space>
      }
      data-testid={`registry-${kind}`}
    >
      <Flex vertical gap={16}>
        <OrganisationFilters
          filters={list.state.filters}
          onChange={list.setFilters}
          searchPlaceholder={t(`organisations.${kind}.searchPlaceholder`)}
          showType={!isEnterprises}
          showRegion={wide}
          defaultRegionId={wide ? undefined : activeMembership.regionId}
        />
        {organisations.error ? (
          <Alert type="error" showIcon title={errorText(t, organisations.error)} />
        ) : (
          <Typography.Text type="secondary" data-testid="organisation-total" aria-busy={organisations.isFetching}>
            {organisations.data ? t('common.total', { count: organisations.data.total }) : t('app.loading')}
          </Typography.Text>
        )}
        <OrganisationTable
          data={organisations.data}
          loading={organisations.isFetching}
          page={list.state.page}
          pageSize={list.state.pageSize}
          basePath={basePath}
          showType={!isEnterprises}
          showRegion={wide}
          sortOrderOf={list.sortOrderOf}
          onChange={list.onTableChange}
        />
      </Flex>
      <OrganisationFormDrawer
        mode="create"
        open={creating}
        fixedType={isEnterprises ? 'enterprise' : undefined}
        onClose={() => setCreating(false)}
        onDone={(created) => {
          setCreating(false);
          navigate(`${basePath}/${created.id}`);
        }}
      />
    </Card>
  );
}
