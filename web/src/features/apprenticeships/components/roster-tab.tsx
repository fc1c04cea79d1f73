import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { rosterEditableStatuses, type Apprentice, type ApprenticeshipClass, type ClassStatus } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useApprentices } from '../api/use-apprentices.ts';
import { useRemoveApprentice } from '../api/use-remove-apprentice.ts';
import { AddApprenticeModal } from './add-apprentice-modal.tsx';
import { AssessmentModal, LeaveModal } from './apprentice-modals.tsx';
import { hoursOf, levelName, progressRoles, rosterRoles } from './labels.ts';
import { RosterImportModal } from './roster-import-modal.tsx';
import { ApprenticeStatusTag } from './status-tags.tsx';

/**
 * The roster (花名册): each apprentice with a masked ID, employer and contract, status, hours, assessment and
 * certificate. While the class is prepared its organiser adds (one by one or from Excel) and removes; once it is
 * registered, apprentices leave or get their assessment recorded.
 */
export function RosterTab({ record }: { record: ApprenticeshipClass }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const { role, organisationId } = useActor().activeMembership;
  const apprentices = useApprentices(record.id);
  const remove = useRemoveApprentice();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [leaving, setLeaving] = useState<Apprentice | null>(null);
  const [assessing, setAssessing] = useState<Apprentice | null>(null);
  const isOwner = organisationId === record.organisationId;
  const editable = isOwner && rosterRoles.includes(role) && (rosterEditableStatuses as readonly ClassStatus[]).includes(record.status);
  const registered = record.status === 'registered';
  const mayLeave = isOwner && rosterRoles.includes(role) && registered;
  const mayAssess = isOwner && progressRoles.includes(role) && registered;

  const onRemove = async (a: Apprentice) => {
    try {
      await remove.mutateAsync(a.id);
      void message.success(t('apprenticeships.roster.removed'));
    } catch (e) {
      void message.error(errorTextIn(t, 'apprenticeships.codes', e));
    }
  };

  const columns: TableProps<Apprentice>['columns'] = [
    {
      key: 'person',
      title: t('apprenticeships.roster.person'),
      width: 180,
      fixed: 'left',
      render: (_, a) => (
        <Flex vertical gap={2}>
          <Typography.Text strong data-testid="apprentice-name-cell">
            {a.personName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {a.residentIdMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'employer',
      title: t('apprenticeships.roster.employer'),
      width: 200,
      render: (_, a) => (
        <Flex vertical gap={2}>
          <span>{a.employerName}</span>
          {a.position && <Typography.Text type="secondary">{a.position}</Typography.Text>}
          {!a.employed && <Tag color="red">{t('apprenticeships.roster.notEmployed')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'contract',
      title: t('apprenticeships.roster.contract'),
      width: 190,
      render: (_, a) =>
        !a.contractStart
          ? t('apprenticeships.roster.contractNone')
          : a.contractEnd
            ? t('apprenticeships.roster.contractRange', { start: a.contractStart, end: a.contractEnd })
            : t('apprenticeships.roster.contractOpen', { start: a.contractStart }),
    },
    {
      key: 'status',
      title: t('apprenticeships.roster.apprenticeStatus'),
      width: 150,
      render: (_, a) => (
        <Flex vertical gap={2} align="start">
          <ApprenticeStatusTag status={a.status} />
          {a.status === 'left' && a.leftOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('apprenticeships.roster.leftOn', { date: a.leftOn, reason: a.leftReason ?? '' })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'hours',
      title: t('apprenticeships.roster.hours'),
      width: 190,
      render: (_, a) => (
        <Flex vertical gap={2}>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>
            {hoursOf(a.hours.centralisedMinutes)} / {hoursOf(a.hours.onlineMinutes)} / {hoursOf(a.hours.onTheJobMinutes)}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('apprenticeships.roster.hoursTotal', { total: hoursOf(a.hours.totalMinutes) })} ·{' '}
            {t('apprenticeships.roster.attendance', { attended: a.hours.sessionsAttended, held: a.hours.sessionsAttended + a.hours.sessionsMissed })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'assessment',
      title: t('apprenticeships.roster.assessment'),
      width: 210,
      render: (_, a) =>
        !a.assessment ? (
          <Typography.Text type="secondary">{t('apprenticeships.roster.notAssessed')}</Typography.Text>
        ) : (
          <Flex vertical gap={2} align="start">
            <span>
              {a.assessment.assessedOn}{' '}
              {a.assessment.passed && a.assessment.levelReached !== null
                ? t('apprenticeships.roster.passed', { level: levelName(a.assessment.levelReached, locale) })
                : t('apprenticeships.roster.failed')}
            </span>
            {a.assessment.certificateNo && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.assessment.certificateNo}</Typography.Text>}
            {a.certified && (
              <Tag color="success" icon={<SafetyCertificateOutlined />} data-testid="apprentice-certified">
                {t('apprenticeships.roster.certified')}
              </Tag>
            )}
          </Flex>
        ),
    },
    ...(editable || mayLeave || mayAssess
      ? ([
          {
            key: 'actions',
            title: t('common.actions'),
            width: 200,
            render: (_, a) => (
              <Space size={0} wrap>
                {editable && (
                  <Popconfirm
                    title={t('apprenticeships.roster.removeConfirm', { name: a.personName })}
                    okText={t('apprenticeships.roster.remove')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, 'data-testid': 'apprentice-remove-confirm' } as never}
                    onConfirm={() => onRemove(a)}
                  >
                    <Button type="link" danger size="small" data-testid="apprentice-remove">
                      {t('apprenticeships.roster.remove')}
                    </Button>
                  </Popconfirm>
                )}
                {mayAssess && a.status !== 'left' && (
                  <Button type="link" size="small" onClick={() => setAssessing(a)} data-testid="apprentice-assess">
                    {a.assessment ? t('apprenticeships.roster.reassess') : t('apprenticeships.roster.assess')}
                  </Button>
                )}
                {mayLeave && a.status === 'active' && (
                  <Button type="link" danger size="small" onClick={() => setLeaving(a)} data-testid="apprentice-leave">
                    {t('apprenticeships.roster.leave')}
                  </Button>
                )}
              </Space>
            ),
          },
        ] satisfies TableProps<Apprentice>['columns'])
      : []),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="roster-tab">
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Text data-testid="roster-summary">{t('apprenticeships.counts.summary', record.counts)}</Typography.Text>
        {editable && (
          <Space wrap>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="roster-import">
              {t('apprenticeships.roster.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="roster-add">
              {t('apprenticeships.roster.add')}
            </Button>
          </Space>
        )}
      </Flex>
      {editable && <Alert type="info" showIcon title={t('apprenticeships.roster.editableHint')} />}
      {apprentices.error ? <Alert type="error" showIcon title={errorText(t, apprentices.error)} /> : null}
      <Table<Apprentice>
        rowKey="id"
        size="middle"
        loading={apprentices.isFetching}
        dataSource={apprentices.data?.items}
        columns={columns}
        pagination={false}
        scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0) }}
        locale={{ emptyText: t('apprenticeships.roster.empty') }}
        data-testid="roster-table"
      />
      <AddApprenticeModal record={record} open={adding} onClose={() => setAdding(false)} />
      <RosterImportModal classId={record.id} open={importing} onClose={() => setImporting(false)} />
      {leaving && <LeaveModal apprentice={leaving} onClose={() => setLeaving(null)} />}
      {assessing && <AssessmentModal apprentice={assessing} targetLevel={record.targetLevel} onClose={() => setAssessing(null)} />}
    </Space>
  );
}
