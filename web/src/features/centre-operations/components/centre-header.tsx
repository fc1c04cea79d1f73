import { Alert, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { centreStatusLabels, type TrainingCentre } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';
import { centreStatusColour, fieldName, levelName, occupationName } from './labels.ts';

/** A centre status as a coloured tag (the effective status: suspended, revoked or past its validity). */
export function CentreStatusTag({ status }: { status: TrainingCentre['effectiveStatus'] }) {
  const locale = useLocale();
  return (
    <Tag color={centreStatusColour[status]} data-testid="centre-status">
      {centreStatusLabels[status][locale]}
    </Tag>
  );
}

/**
 * Without rights (suspended, revoked, expired) the centre may neither train nor assess: a red banner says so, with
 * the reason HRSS gave; a conditional pass is a warning.
 */
export function RightsBanner({ centre }: { centre: TrainingCentre }) {
  const { t } = useTranslation();
  const status = centre.effectiveStatus;
  const reason = centre.statusReason ? t('centreOps.workbench.reason', { reason: centre.statusReason }) : undefined;
  if (status === 'suspended' || status === 'revoked' || status === 'expired') {
    return <Alert type="error" showIcon title={t(`centreOps.workbench.noRights.${status}`)} description={reason} data-testid="centre-no-rights" />;
  }
  if (status === 'conditional') {
    return <Alert type="warning" showIcon title={t('centreOps.workbench.conditional')} description={reason} data-testid="centre-conditional" />;
  }
  return null;
}

/** The certificate: number, status, validity, capacity, and the scope it may train and assess in. */
export function CentreHeader({ centre }: { centre: TrainingCentre }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = centre.scope.map((item) => ({ ...item, key: item.occupation }));
  return (
    <Flex vertical gap={12}>
      <RightsBanner centre={centre} />
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {centre.organisationName}
            </Typography.Title>
            <CentreStatusTag status={centre.effectiveStatus} />
          </Space>
        }
        data-testid="centre-header"
      >
        <Descriptions
          column={{ xs: 1, sm: 1, md: 3 }}
          items={[
            {
              key: 'certificateNo',
              label: t('centreOps.workbench.certificateNo'),
              children: (
                <Typography.Text copyable strong style={{ fontFamily: 'monospace' }} data-testid="centre-certificate-no">
                  {centre.certificateNo}
                </Typography.Text>
              ),
            },
            {
              key: 'validity',
              label: t('centreOps.workbench.validity'),
              children: t('centreOps.workbench.validityValue', { from: centre.certifiedOn, to: centre.validUntil }),
            },
            { key: 'capacity', label: t('centreOps.workbench.capacity'), children: t('centreOps.workbench.capacityValue', { count: centre.annualCapacity }) },
          ]}
        />
        <Typography.Text strong>{t('centreOps.workbench.scope')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {t('centreOps.workbench.scopeHint')}
        </Typography.Text>
        <Table
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          dataSource={rows}
          data-testid="centre-scope"
          scroll={{ x: 480 }}
          columns={[
            { key: 'occupation', title: t('centreOps.workbench.occupation'), render: (_, r) => occupationName(r.occupation, locale) },
            { key: 'field', title: t('centreOps.workbench.field'), width: 140, render: (_, r) => fieldName(r.occupation, locale) },
            {
              key: 'levels',
              title: t('centreOps.workbench.levels'),
              render: (_, r) => (
                <Space size={[4, 4]} wrap>
                  {[...r.levels].sort((a, b) => b - a).map((level) => (
                    <Tag key={level}>{levelName(level, locale)}</Tag>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
