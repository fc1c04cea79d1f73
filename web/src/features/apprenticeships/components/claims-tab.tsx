import { Alert, App, Button, Card, Descriptions, Flex, List, Skeleton, Space, Table, Tag, Typography, type ButtonProps, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import dayjs from 'dayjs';
import {
  claimKindLabels,
  findingCodeLabels,
  formatYuan,
  type ApprenticeshipClass,
  type ClaimKind,
  type ComputationLine,
  type FindingDraft,
  type SubsidyClaim,
} from '@fulcrum/shared';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useClaimPreview } from '../api/use-claim-preview.ts';
import { useClassClaims } from '../api/use-class-claims.ts';
import { useFileClaim } from '../api/use-file-claim.ts';
import { claimableKind, rosterRoles } from './labels.ts';
import { ClaimStatusTag, moneyStyle } from './status-tags.tsx';

function Money({ fen, strong }: { fen: number; strong?: boolean }) {
  return (
    <Typography.Text strong={strong} type={fen < 0 ? 'danger' : undefined} style={moneyStyle}>
      ¥{formatYuan(fen)}
    </Typography.Text>
  );
}

/** What a claim would be if filed now: the computation line by line, the net amount, the findings; and the button to file it. */
function ClaimPreviewCard({ record, kind }: { record: ApprenticeshipClass; kind: ClaimKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const preview = useClaimPreview(record.id, kind, true);
  const file = useFileClaim();
  const kindLabel = claimKindLabels[kind][locale];

  if (preview.isPending) return <Skeleton active />;
  if (preview.error) {
    return <Alert type="warning" showIcon title={t(`apprenticeships.claims.${kind}`)} description={errorTextIn(t, 'apprenticeships.codes', preview.error)} data-testid="claim-preview-error" />;
  }
  const { computation: c, findings } = preview.data;

  const submit = () =>
    modal.confirm({
      title: t('apprenticeships.claims.submitTitle', { kind: kindLabel }),
      content: t('apprenticeships.claims.submitBody', { amount: formatYuan(c.amountFen) }),
      okText: t('apprenticeships.claims.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'claim-submit-confirm' } as ButtonProps,
      onOk: async () => {
        try {
          const claim = await file.mutateAsync({ classId: record.id, kind });
          void message.success(t('apprenticeships.claims.submitted'));
          navigate(`/console/subsidy-claims/${claim.id}`);
        } catch (e) {
          void message.error(errorTextIn(t, 'apprenticeships.codes', e));
        }
      },
    });

  const lineColumns: TableProps<ComputationLine>['columns'] = [
    { key: 'label', title: t('apprenticeships.claims.item'), width: 140, render: (_, l) => l.label[locale] },
    { key: 'formula', title: t('apprenticeships.claims.formula'), width: 320, render: (_, l) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{l.formula}</span> },
    { key: 'amount', title: t('apprenticeships.claims.amount'), width: 150, align: 'right', render: (_, l) => <Money fen={l.amountFen} /> },
  ];

  return (
    <Card
      title={
        <Space wrap>
          {t(`apprenticeships.claims.${kind}`)}
          {c.policy.isDemo && <Tag color="orange">{t('apprenticeships.form.demoPolicy')}</Tag>}
        </Space>
      }
      data-testid="claim-preview"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(`apprenticeships.claims.${kind}Hint`)}</Typography.Text>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'policy', label: t('apprenticeships.claims.preview'), children: t('apprenticeships.claims.policy', { year: c.policy.year, version: c.policy.version, from: c.policy.effectiveFrom }) },
            {
              key: 'headcount',
              label: t('apprenticeships.fields.counts'),
              children: t('apprenticeships.claims.headcount', {
                roster: c.headcount.roster,
                claimed: c.headcount.claimed,
                certified: c.headcount.certified,
                withoutCertificate: c.headcount.completedWithoutCertificate,
                nonCompleters: c.headcount.nonCompleters,
              }),
            },
          ]}
        />
        <Table<ComputationLine>
          rowKey={(l) => `${l.key}-${l.formula}`}
          size="small"
          columns={lineColumns}
          dataSource={c.lines}
          pagination={false}
          scroll={{ x: 610 }}
          data-testid="claim-lines"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>{c.amountFen < 0 ? t('apprenticeships.claims.refund') : t('apprenticeships.claims.net')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <span data-testid="claim-net">
                  <Money fen={c.amountFen} strong />
                </span>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
        <Findings findings={findings} />
        <Flex justify="end">
          <Button type="primary" onClick={submit} loading={file.isPending} data-testid="claim-submit">
            {t('apprenticeships.claims.submit')}
          </Button>
        </Flex>
      </Space>
    </Card>
  );
}

function Findings({ findings }: { findings: FindingDraft[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!findings.length) return <Alert type="success" showIcon title={t('apprenticeships.claims.noFindings')} data-testid="claim-findings-none" />;
  return (
    <Card size="small" title={`${t('apprenticeships.claims.findings')}（${findings.length}）`} data-testid="claim-findings">
      <Typography.Paragraph type="secondary">{t('apprenticeships.claims.findingsHint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={findings}
        renderItem={(f) => (
          <List.Item data-testid="claim-finding">
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <Tag color="orange">{findingCodeLabels[f.code][locale]}</Tag>
                <Typography.Text>{f.personName ? `${f.personName}${f.residentIdMasked ? `（${f.residentIdMasked}）` : ''}` : t('apprenticeships.claims.classLevel')}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">{f.message[locale]}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The claims of this class, each linked to its own page. */
function ClassClaims({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const claims = useClassClaims(classId);
  const columns: TableProps<SubsidyClaim>['columns'] = [
    {
      key: 'referenceNo',
      title: t('apprenticeships.claims.referenceNo'),
      width: 170,
      render: (_, c) => (
        <Link to={`/console/subsidy-claims/${c.id}`} data-testid="claim-link">
          {c.referenceNo}
        </Link>
      ),
    },
    { key: 'kind', title: t('apprenticeships.claims.kind'), width: 90, render: (_, c) => claimKindLabels[c.kind][locale] },
    { key: 'status', title: t('apprenticeships.claims.status'), width: 130, render: (_, c) => <ClaimStatusTag status={c.status} /> },
    { key: 'amount', title: t('apprenticeships.claims.amount'), width: 140, align: 'right', render: (_, c) => <Money fen={c.amountFen} /> },
    { key: 'submittedAt', title: t('apprenticeships.claims.submittedAt'), width: 150, render: (_, c) => dayjs(c.submittedAt).format('YYYY-MM-DD HH:mm') },
  ];
  return (
    <Card size="small" title={t('apprenticeships.claims.list')} data-testid="class-claims">
      {claims.error ? <Alert type="error" showIcon title={errorTextIn(t, 'apprenticeships.codes', claims.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<SubsidyClaim>
        rowKey="id"
        size="small"
        loading={claims.isFetching}
        dataSource={claims.data?.items}
        columns={columns}
        pagination={false}
        scroll={{ x: 680 }}
        locale={{ emptyText: t('apprenticeships.claims.none') }}
      />
    </Card>
  );
}

/** Subsidy claims (补贴申领): the organiser's preview and filing of the claim due now; everyone sees the class's claims. */
export function ClaimsTab({ record }: { record: ApprenticeshipClass }) {
  const { t } = useTranslation();
  const { role, organisationId } = useActor().activeMembership;
  const isOrganiser = organisationId === record.organisationId && rosterRoles.includes(role);
  const kind = claimableKind(record.status);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="claims-tab">
      {isOrganiser && (kind ? <ClaimPreviewCard key={kind} record={record} kind={kind} /> : <Alert type="info" showIcon title={t('apprenticeships.claims.notYet')} />)}
      <ClassClaims classId={record.id} />
    </Space>
  );
}
