import { Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apprenticeStatusLabels, classStatusLabels, claimStatusLabels, type ApprenticeStatus, type ClaimStatus, type ClassStatus } from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';

const classColours: Record<ClassStatus, string> = {
  draft: 'default',
  filed: 'processing',
  returned: 'warning',
  registered: 'cyan',
  completed: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function ClassStatusTag({ status }: { status: ClassStatus }) {
  const locale = useLocale();
  return (
    <Tag color={classColours[status]} data-testid="class-status">
      {classStatusLabels[status][locale]}
    </Tag>
  );
}

/** The deadline of the current state: in red with 逾期 once it has passed. */
export function DueTag({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return null;
  if (overdue) {
    return (
      <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid="class-overdue">
        {t('apprenticeships.due.overdueSince', { date: dueOn })}
      </Tag>
    );
  }
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      <Space size={4}>
        <ClockCircleOutlined />
        {t('apprenticeships.due.dueOn', { date: dueOn })}
      </Space>
    </Typography.Text>
  );
}

const apprenticeColours: Record<ApprenticeStatus, string> = { active: 'processing', completed: 'success', left: 'default' };

export function ApprenticeStatusTag({ status }: { status: ApprenticeStatus }) {
  const locale = useLocale();
  return <Tag color={apprenticeColours[status]}>{apprenticeStatusLabels[status][locale]}</Tag>;
}

const claimColours: Record<ClaimStatus, string> = {
  submitted: 'processing',
  returned: 'warning',
  finance_review: 'processing',
  approved: 'cyan',
  in_notice: 'orange',
  disbursed: 'success',
  closed: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  const locale = useLocale();
  return (
    <Tag color={claimColours[status]} data-testid="claim-status">
      {claimStatusLabels[status][locale]}
    </Tag>
  );
}

/** An amount in yuan, right-aligned figures of equal width (money is fen until it is shown). */
export const moneyStyle = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
