import { Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { claimKindLabels, claimStatusLabels, type ClaimKind, type ClaimStatus } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';

const statusColours: Record<ClaimStatus, string> = {
  submitted: 'processing',
  returned: 'warning',
  finance_review: 'geekblue',
  approved: 'cyan',
  in_notice: 'orange',
  disbursed: 'green',
  closed: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  const locale = useLocale();
  return (
    <Tag color={statusColours[status]} data-testid="claim-status">
      {claimStatusLabels[status][locale]}
    </Tag>
  );
}

export function ClaimKindTag({ kind }: { kind: ClaimKind }) {
  const locale = useLocale();
  return (
    <Tag color={kind === 'advance' ? 'blue' : 'purple'} data-testid="claim-kind">
      {claimKindLabels[kind][locale]}
    </Tag>
  );
}

/** The deadline of the current state: in red once it has passed; `bare` drops the words where a label already says 办理期限. */
export function DueTag({ dueOn, overdue, bare }: { dueOn: string | null; overdue: boolean; bare?: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return null;
  if (overdue) {
    return (
      <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid="claim-overdue">
        {t('subsidyClaims.due.overdueSince', { date: dueOn })}
      </Tag>
    );
  }
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }} data-testid="claim-due">
      <Space size={4}>
        <ClockCircleOutlined />
        {bare ? dueOn : t('subsidyClaims.due.dueOn', { date: dueOn })}
      </Space>
    </Typography.Text>
  );
}

/** Open findings over all findings: red while any is open. */
export function FindingsCount({ open, total }: { open: number; total: number }) {
  if (!total) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <Typography.Text type={open ? 'danger' : 'secondary'} strong={open > 0} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="claim-findings-count">
      {open}/{total}
    </Typography.Text>
  );
}
