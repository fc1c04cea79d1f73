import { useState } from 'react';
import { App, Button, Flex, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CertificateRule } from '@fulcrum/shared';
import { ListTable } from '../../../components/list-table.tsx';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useListState } from '../../../lib/list.ts';
import { useCertificateRules } from '../api/use-certificate-rules.ts';
import { useSetRuleActive } from '../api/use-set-rule-active.ts';
import { RuleModal } from './rule-modal.tsx';

const sortKeys = ['title', 'createdAt'] as const;
const filterKeys: readonly string[] = [];

/** The organisation's rules: create one, see how many certificates each issued, switch one off or on. */
export function RulesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useListState(filterKeys, { sortKeys });
  const rules = useCertificateRules(list.query);
  const setActive = useSetRuleActive();
  const [creating, setCreating] = useState(false);

  const toggle = async (rule: CertificateRule) => {
    try {
      await setActive.mutateAsync({ id: rule.id, active: !rule.active });
      void message.success(t(rule.active ? 'learningCertificates.rules.deactivated' : 'learningCertificates.rules.activated'));
    } catch (error) {
      void message.error(errorTextIn(t, 'learningCertificates.codes', error));
    }
  };

  const columns: TableProps<CertificateRule>['columns'] = [
    { key: 'title', title: t('learningCertificates.rules.title'), dataIndex: 'title', width: 200, sorter: true, sortOrder: list.sortOrderOf('title') },
    {
      key: 'trigger',
      title: t('learningCertificates.rules.trigger'),
      width: 240,
      render: (_, r) => (
        <>
          <Tag>{t(`learningCertificates.rules.triggerKinds.${r.triggerKind}`)}</Tag>
          {r.triggerTitle ?? t('learningCertificates.rules.unknownTrigger')}
        </>
      ),
    },
    {
      key: 'validity',
      title: t('learningCertificates.rules.validity'),
      width: 110,
      render: (_, r) => (r.validityMonths ? t('learningCertificates.rules.months', { count: r.validityMonths }) : t('learningCertificates.rules.noExpiry')),
    },
    {
      key: 'competency',
      title: t('learningCertificates.rules.competency'),
      width: 150,
      render: (_, r) => (r.competencyName ? t('learningCertificates.rules.level', { name: r.competencyName, level: r.competencyLevel }) : t('learningCertificates.rules.none')),
    },
    { key: 'issued', title: t('learningCertificates.rules.issued'), dataIndex: 'issuedCount', width: 90, align: 'right', render: (n: number) => <span data-testid="rule-issued">{n}</span> },
    {
      key: 'status',
      title: t('learningCertificates.rules.status'),
      width: 90,
      render: (_, r) => <Tag color={r.active ? 'success' : 'default'}>{t(r.active ? 'learningCertificates.rules.active' : 'learningCertificates.rules.inactive')}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, r) => (
        <Button size="small" danger={r.active} onClick={() => void toggle(r)} data-testid="rule-toggle">
          {t(r.active ? 'learningCertificates.rules.deactivate' : 'learningCertificates.rules.activate')}
        </Button>
      ),
    },
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 150), 0);

  return (
    <div data-testid="certificate-rules-tab">
      <Flex justify="end" style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="rule-create">
          {t('learningCertificates.rules.create')}
        </Button>
      </Flex>
      <ListTable<CertificateRule>
        list={list}
        query={rules}
        rowKey="id"
        data-testid="certificate-rules-table"
        columns={columns}
        scroll={{ x: width }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('learningCertificates.rules.empty')}</Typography.Text> }}
      />
      {creating && (
        <RuleModal
          onClose={() => setCreating(false)}
          onCreated={(title) => {
            setCreating(false);
            void message.success(t('learningCertificates.form.created', { title }));
          }}
        />
      )}
    </div>
  );
}
