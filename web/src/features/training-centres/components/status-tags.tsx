import { Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  applicationStatusLabels,
  batchStatusLabels,
  centreStatusLabels,
  type ApplicationStatus,
  type BatchStatus,
  type EffectiveCentreStatus,
} from '@fulcrum/shared';
import { useLocale } from '../../../lib/session.ts';

const applicationColours: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  documents_checked: 'processing',
  onsite_checked: 'processing',
  approved: 'cyan',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
  in_batch: 'purple',
  certified: 'success',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const locale = useLocale();
  return (
    <Tag color={applicationColours[status]} data-testid="application-status">
      {applicationStatusLabels[status][locale]}
    </Tag>
  );
}

/** The deadline of the current state: in red with 逾期 once it has passed. */
export function DueTag({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return null;
  if (overdue) {
    return (
      <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid="application-overdue">
        {t('trainingCentres.due.overdueSince', { date: dueOn })}
      </Tag>
    );
  }
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      <Space size={4}>
        <ClockCircleOutlined />
        {t('trainingCentres.due.dueOn', { date: dueOn })}
      </Space>
    </Typography.Text>
  );
}

const batchColours: Record<BatchStatus, string> = { open: 'processing', in_notice: 'orange', certified: 'success', cancelled: 'default' };

export function BatchStatusTag({ status }: { status: BatchStatus }) {
  const locale = useLocale();
  return (
    <Tag color={batchColours[status]} data-testid="batch-status">
      {batchStatusLabels[status][locale]}
    </Tag>
  );
}

/** Colours of a centre's status, shared by the console tag and the public verification page. */
export const centreStatusColours: Record<EffectiveCentreStatus, string> = {
  active: '#389e0d',
  conditional: '#7cb305',
  suspended: '#d46b08',
  revoked: '#cf1322',
  expired: '#8c8c8c',
};

export function CentreStatusTag({ status }: { status: EffectiveCentreStatus }) {
  const locale = useLocale();
  return (
    <Tag color={centreStatusColours[status]} data-testid="centre-status">
      {centreStatusLabels[status][locale]}
    </Tag>
  );
}
