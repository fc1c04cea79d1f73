import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Select, Space, Typography, type TableProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { certificateStatuses, publicCertificatePath, type LearningCertificate } from '@fulcrum/shared';
import { ExportButton } from '../../../components/export-button.tsx';
import { ListTable } from '../../../components/list-table.tsx';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useListState } from '../../../lib/list.ts';
import { certificatesPath, useCertificates } from '../api/use-certificates.ts';
import { useIssueDue } from '../api/use-issue-due.ts';
import { useRevokeCertificate } from '../api/use-revoke-certificate.ts';
import { CertificateStatusTag, dayText } from './status-tag.tsx';

const filterKeys = ['status', 'expiringWithinDays', 'personId', 'ruleId'] as const;
const sortKeys = ['issuedAt', 'expiresAt', 'number'] as const;
const expiringChoices = [30, 60, 90];

/** Asks for the reason and revokes. */
function RevokeModal({ certificate, onClose }: { certificate: LearningCertificate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const revoke = useRevokeCertificate();
  const [reason, setReason] = useState('');
  const submit = async () => {
    try {
      await revoke.mutateAsync({ id: certificate.id, reason });
      void message.success(t('learningCertificates.list.revokedDone', { number: certificate.number }));
      onClose();
    } catch (error) {
      void message.error(errorTextIn(t, 'learningCertificates.codes', error));
    }
  };
  return (
    <Modal
      open
      title={t('learningCertificates.list.revokeTitle', { number: certificate.number })}
      okText={t('learningCertificates.list.revokeOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), 'data-testid': 'certificate-revoke-confirm' }}
      confirmLoading={revoke.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Text>{t('learningCertificates.list.revokeReason')}</Typography.Text>
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('learningCertificates.list.revokeReasonPlaceholder')}
        data-testid="certificate-revoke-reason"
      />
    </Modal>
  );
}

/** The organisation's certificates: filter by status or expiry, export, revoke, issue what is due. */
export function CertificatesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useListState(filterKeys, { sortKeys });
  const certificates = useCertificates(list.query);
  const issueDue = useIssueDue();
  const [revoking, setRevoking] = useState<LearningCertificate | null>(null);
  const filters = list.state.filters;

  const runIssueDue = async () => {
    try {
      const { issued } = await issueDue.mutateAsync();
      void message.success(issued ? t('learningCertificates.list.issuedDone', { count: issued }) : t('learningCertificates.list.nothingDue'));
    } catch (error) {
      void message.error(errorTextIn(t, 'learningCertificates.codes', error));
    }
  };

  const columns: TableProps<LearningCertificate>['columns'] = [
    {
      key: 'number',
      title: t('learningCertificates.list.number'),
      width: 220,
      sorter: true,
      sortOrder: list.sortOrderOf('number'),
      render: (_, c) => <Typography.Text style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 13 }} data-testid="certificate-number">{c.number}</Typography.Text>,
    },
    { key: 'title', title: t('learningCertificates.list.title'), dataIndex: 'title', width: 200 },
    { key: 'holder', title: t('learningCertificates.list.holder'), dataIndex: 'personName', width: 100 },
    { key: 'cycle', title: t('learningCertificates.list.cycle'), width: 80, render: (_, c) => t('learningCertificates.list.cycleN', { count: c.cycle }) },
    { key: 'issuedAt', title: t('learningCertificates.list.issuedAt'), width: 110, sorter: true, sortOrder: list.sortOrderOf('issuedAt'), render: (_, c) => dayText(c.issuedAt) },
    {
      key: 'expiresAt',
      title: t('learningCertificates.list.expiresAt'),
      width: 110,
      sorter: true,
      sortOrder: list.sortOrderOf('expiresAt'),
      render: (_, c) => (c.expiresAt ? dayText(c.expiresAt) : t('learningCertificates.list.never')),
    },
    { key: 'status', title: t('learningCertificates.list.status'), width: 150, render: (_, c) => <CertificateStatusTag status={c.status} isDue={c.isDueForRecertification} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      fixed: 'right',
      render: (_, c) => (
        <Space size={4}>
          <Button size="small" type="link" href={publicCertificatePath(c.verificationCode)} target="_blank" data-testid="certificate-verify">
            {t('learningCertificates.list.verify')}
          </Button>
          {c.status !== 'revoked' && (
            <Button size="small" danger onClick={() => setRevoking(c)} data-testid="certificate-revoke">
              {t('learningCertificates.list.revoke')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0);

  return (
    <div data-testid="certificates-tab">
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8}>
          <Select
            allowClear
            style={{ width: 150 }}
            placeholder={t('learningCertificates.list.allStatuses')}
            value={filters.status}
            onChange={(status?: string) => list.setFilters({ ...filters, status })}
            options={certificateStatuses.map((s) => ({ value: s, label: t(`learningCertificates.status.${s}`) }))}
            data-testid="certificate-status-filter"
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('learningCertificates.list.expiring')}
            value={filters.expiringWithinDays}
            onChange={(days?: string) => list.setFilters({ ...filters, expiringWithinDays: days })}
            options={expiringChoices.map((d) => ({ value: String(d), label: t('learningCertificates.list.expiringDays', { count: d }) }))}
            data-testid="certificate-expiring-filter"
          />
        </Flex>
        <Flex wrap gap={8}>
          <ExportButton path={certificatesPath} query={{ ...filters, sort: list.state.sort }} />
          <Button icon={<SafetyCertificateOutlined />} loading={issueDue.isPending} onClick={() => void runIssueDue()} data-testid="certificates-issue-due">
            {t('learningCertificates.list.issueDue')}
          </Button>
        </Flex>
      </Flex>
      <ListTable<LearningCertificate>
        list={list}
        query={certificates}
        rowKey="id"
        data-testid="certificates-table"
        columns={columns}
        scroll={{ x: width }}
        locale={{ emptyText: t('learningCertificates.list.empty') }}
      />
      {revoking && <RevokeModal certificate={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}
