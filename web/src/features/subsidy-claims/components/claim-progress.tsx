import { Card, Descriptions, Grid, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import type { SubsidyClaimDetail } from '@fulcrum/shared';
import { useActor } from '../../../lib/session.ts';
import { useNoticePeriod } from '../api/use-notice-period.ts';
import { isOfficer } from './claim-abilities.ts';
import { claimStages, claimStepsPosition } from './claim-steps.ts';
import { ClaimStatusTag, DueTag } from './status-tags.tsx';

/** The claim's notice: a link (the officers' page, or the public page for organisers) and its period. */
function NoticeFacts({ claim }: { claim: SubsidyClaimDetail }) {
  const { t } = useTranslation();
  const actor = useActor();
  const period = useNoticePeriod(claim.noticeId);
  if (!claim.noticeId) return null;
  const officer = isOfficer(actor.activeMembership.role);
  const p = period.data;
  return (
    <Space orientation="vertical" size={2}>
      <Space wrap size={12}>
        {officer && (
          <Link to={`/console/notices/${claim.noticeId}`} data-testid="claim-notice-link">
            {t('subsidyClaims.status.noticeLink')}
          </Link>
        )}
        <a href={`/public/notices/${claim.noticeId}`} target="_blank" rel="noreferrer" data-testid="claim-notice-public-link">
          {t('subsidyClaims.status.publicLink')}
        </a>
      </Space>
      <Typography.Text type="secondary" data-testid="claim-notice-period">
        {p
          ? t('subsidyClaims.status.noticePeriod', { start: p.startsOn, end: p.endsOn, days: p.workingDays })
          : claim.noticeEndsOn
            ? t('subsidyClaims.status.noticeEnds', { date: claim.noticeEndsOn })
            : null}
      </Typography.Text>
    </Space>
  );
}

/** Where the claim stands: the stages from filing to closing, then its deadline, notice and disbursement. */
export function ClaimProgress({ claim }: { claim: SubsidyClaimDetail }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const position = claimStepsPosition(claim.status, claim.history);
  const items = [
    { key: 'status', label: t('subsidyClaims.fields.status'), children: <ClaimStatusTag status={claim.status} /> },
    ...(claim.dueOn ? [{ key: 'due', label: t('subsidyClaims.fields.dueOn'), children: <DueTag dueOn={claim.dueOn} overdue={claim.overdue} bare /> }] : []),
    { key: 'submittedAt', label: t('subsidyClaims.fields.submittedAt'), children: dayjs(claim.submittedAt).format('YYYY-MM-DD HH:mm') },
    { key: 'round', label: t('subsidyClaims.fields.round'), children: claim.round },
    ...(claim.noticeId ? [{ key: 'notice', label: t('subsidyClaims.fields.notice'), children: <NoticeFacts claim={claim} /> }] : []),
    ...(claim.disbursedOn
      ? [{ key: 'disbursedOn', label: t('subsidyClaims.fields.disbursedOn'), children: <span data-testid="claim-disbursed-on">{claim.disbursedOn}</span> }]
      : []),
    ...(claim.bankReference
      ? [{ key: 'bankReference', label: t('subsidyClaims.fields.bankReference'), children: <span data-testid="claim-bank-reference">{claim.bankReference}</span> }]
      : []),
  ];
  return (
    <Card title={t('subsidyClaims.status.title')} data-testid="claim-progress">
      <Steps
        size="small"
        // A phone keeps the six stages on one line: dots with the names under them.
        type={screens.md ? 'default' : 'dot'}
        titlePlacement={screens.md ? 'horizontal' : 'vertical'}
        responsive={false}
        current={position.current}
        status={position.status}
        items={claimStages.map((stage, index) => ({
          title: t(`subsidyClaims.stages.${stage}`),
          content: index === position.current && position.side ? t(`subsidyClaims.side.${position.side}`) : undefined,
        }))}
        style={{ marginBottom: 16 }}
        data-testid="claim-steps"
      />
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} />
    </Card>
  );
}
