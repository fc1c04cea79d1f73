import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssignLearnersRequest } from '@fulcrum/shared';
import { useCatalogueMutation } from '../api/use-catalogue-mutation.ts';
import { useLearners } from '../api/use-learners.ts';
import { useRoleProfiles } from '../api/use-role-profiles.ts';
import { catalogueError } from './error-text.ts';

const KEEP = '__keep__';
const CLEAR = '__clear__';
/** A form choice to the request's meaning: keep as is (left out), clear (null), or the value. */
const choice = (value: string | undefined) => (value === undefined || value === '' || value === KEEP ? undefined : value === CLEAR ? null : value);

/** Employees with department and role profile; select many and set both at once. */
export function LearnersTab({ organisationId, canEdit }: { organisationId: string | undefined; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [query, setQuery] = useState<{ page: number; q?: string; roleProfileId?: string }>({ page: 1 });
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [form] = Form.useForm<{ department?: string; roleProfileId?: string }>();
  const learners = useLearners({ ...query, pageSize: 20 });
  const profiles = (useRoleProfiles().data?.items ?? []).filter((p) => p.organisationId === organisationId);
  const assign = useCatalogueMutation<AssignLearnersRequest, { updated: number }>('POST', () => '/learning/learners/assign');
  const submit = async (values: { department?: string; roleProfileId?: string }) => {
    try {
      const result = await assign.mutateAsync({ personIds: selected, department: choice(values.department?.trim()), roleProfileId: choice(values.roleProfileId) });
      message.success(t('catalogue.learners.assigned', { n: result.updated }));
      setAssigning(false);
      setSelected([]);
    } catch (error) {
      message.error(catalogueError(t, error));
    }
  };
  const columns = [
    { title: t('catalogue.learners.name'), dataIndex: 'name' },
    { title: t('catalogue.learners.department'), dataIndex: 'department', render: (v: string | null) => v ?? '—' },
    { title: t('catalogue.learners.roleProfile'), dataIndex: 'roleProfileName', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('catalogue.learners.noProfile')}</Typography.Text> },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <Input.Search allowClear placeholder={t('catalogue.learners.search')} onSearch={(q) => setQuery((s) => ({ ...s, q: q || undefined, page: 1 }))} style={{ width: 220 }} />
          <Select allowClear placeholder={t('catalogue.learners.filterProfile')} style={{ width: 220 }} onChange={(v?: string) => setQuery((s) => ({ ...s, roleProfileId: v, page: 1 }))}
            options={[{ value: 'none', label: t('catalogue.learners.noProfile') }, ...profiles.map((p) => ({ value: p.id, label: p.name }))]} data-testid="learner-profile-filter" />
        </Flex>
        {canEdit && (
          <Button type="primary" disabled={!selected.length} onClick={() => setAssigning(true)} data-testid="learner-assign">
            {t('catalogue.learners.assign')}{selected.length ? ` · ${t('catalogue.learners.selected', { n: selected.length })}` : ''}
          </Button>
        )}
      </Flex>
      <Table rowKey="personId" size="middle" loading={learners.isPending} dataSource={learners.data?.items} columns={columns}
        rowSelection={canEdit ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true } : undefined}
        pagination={{ current: query.page, total: learners.data?.total ?? 0, pageSize: 20, showSizeChanger: false, onChange: (page) => setQuery((s) => ({ ...s, page })) }} data-testid="learner-table" />
      <Modal open={assigning} title={t('catalogue.learners.assignTitle', { n: selected.length })} onCancel={() => setAssigning(false)} onOk={() => form.submit()} confirmLoading={assign.isPending} okText={t('catalogue.common.save')} cancelText={t('catalogue.common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ roleProfileId: KEEP }}>
          <Form.Item name="department" label={t('catalogue.learners.department')} extra={t('catalogue.learners.keep')}><Input data-testid="assign-department" /></Form.Item>
          <Form.Item name="roleProfileId" label={t('catalogue.learners.roleProfile')}>
            <Select options={[{ value: KEEP, label: t('catalogue.learners.keep') }, { value: CLEAR, label: t('catalogue.learners.clear') }, ...profiles.map((p) => ({ value: p.id, label: p.name }))]} data-testid="assign-profile" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
