import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RoleProfile, RoleProfileRequest } from '@fulcrum/shared';
import { useCatalogueMutation } from '../api/use-catalogue-mutation.ts';
import { useCompetencies } from '../api/use-competencies.ts';
import { useRoleProfiles } from '../api/use-role-profiles.ts';
import { catalogueError } from './error-text.ts';

type Editing = { id: string | null; values: RoleProfileRequest };

/** A profile's requirements: competency × required level × weight. */
function Requirements({ profile }: { profile: RoleProfile }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      {profile.requirements.map((r) => (
        <span key={r.competencyId}>{r.competencyName} · {t('catalogue.profiles.requiredLevel')} {r.requiredLevel}/{r.maxLevel} · {t('catalogue.profiles.weight')} {r.weight}%</span>
      ))}
    </Flex>
  );
}

/** Writes a profile: competencies with required level and weight; the weights' total is shown as it is typed. */
function ProfileModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleProfileRequest>();
  const competencies = useCompetencies();
  const save = useCatalogueMutation<RoleProfileRequest>(editing.id ? 'PUT' : 'POST', () => (editing.id ? `/learning/role-profiles/${editing.id}` : '/learning/role-profiles'));
  const requirements = Form.useWatch('requirements', form) ?? [];
  const total = requirements.reduce((sum, r) => sum + (r?.weight ?? 0), 0);
  const submit = async (values: RoleProfileRequest) => {
    try {
      await save.mutateAsync({ ...values, description: values.description ?? '' });
      onClose();
    } catch (error) {
      message.error(catalogueError(t, error));
    }
  };
  return (
    <Modal open title={editing.id ? editing.values.name : t('catalogue.profiles.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('catalogue.common.save')} cancelText={t('catalogue.common.cancel')} width={640}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={editing.values}>
        <Form.Item name="name" label={t('catalogue.common.name')} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="description" label={t('catalogue.common.description')}><Input /></Form.Item>
        <Typography.Text strong>{t('catalogue.profiles.requirements')}</Typography.Text>
        <Form.List name="requirements">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'competencyId']} rules={[{ required: true }]} style={{ minWidth: 220 }}>
                    <Select placeholder={t('catalogue.profiles.competency')} options={(competencies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'requiredLevel']} rules={[{ required: true }]} initialValue={1}><InputNumber min={1} max={10} addonBefore={t('catalogue.profiles.requiredLevel')} /></Form.Item>
                  <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]}><InputNumber min={1} max={100} addonAfter="%" /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>{t('catalogue.profiles.addRequirement')}</Button>
              <Typography.Text type={total === 100 ? 'success' : 'warning'} data-testid="weights-total">{t('catalogue.profiles.weightsHint', { n: total })}</Typography.Text>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

const valuesOf = (p: RoleProfile): RoleProfileRequest => ({ name: p.name, description: p.description, requirements: p.requirements.map(({ competencyId, requiredLevel, weight }) => ({ competencyId, requiredLevel, weight })) });

/** District templates (copy into the organisation) and the organisation's own profiles (edit). */
export function ProfilesTab({ organisationId, canEdit }: { organisationId: string | undefined; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const profiles = useRoleProfiles();
  const copy = useCatalogueMutation<string, RoleProfile>('POST', (id) => `/learning/role-profiles/${id}/copy`, () => ({}));
  const all = profiles.data?.items ?? [];
  const templates = all.filter((p) => p.isTemplate && p.organisationId !== organisationId);
  const mine = all.filter((p) => p.organisationId === organisationId);
  const copyTemplate = async (id: string) => {
    try {
      const created = await copy.mutateAsync(id);
      message.success(t('catalogue.profiles.copied', { name: created.name }));
    } catch (error) {
      message.error(catalogueError(t, error));
    }
  };
  const columns = [
    { title: t('catalogue.common.name'), dataIndex: 'name', render: (name: string, row: RoleProfile) => <Space>{name}{row.copiedFromId && <Tag>{t('catalogue.profiles.fromTemplate')}</Tag>}</Space> },
    { title: t('catalogue.profiles.requirements'), key: 'req', render: (_: unknown, row: RoleProfile) => <Requirements profile={row} /> },
    { title: t('catalogue.profiles.learners'), dataIndex: 'learnerCount', width: 90 },
    ...(canEdit ? [{ title: t('catalogue.common.actions'), key: 'edit', width: 90, render: (_: unknown, row: RoleProfile) => <Button size="small" onClick={() => setEditing({ id: row.id, values: valuesOf(row) })}>{t('catalogue.courses.open')}</Button> }] : []),
  ];
  return (
    <Flex vertical gap={16}>
      {templates.length > 0 && (
        <Card size="small" title={t('catalogue.profiles.templates')} data-testid="profile-templates">
          <Flex gap={12} wrap>
            {templates.map((p) => (
              <Card key={p.id} size="small" style={{ width: 280 }} title={p.name} extra={canEdit && <Button size="small" type="link" onClick={() => copyTemplate(p.id)} data-testid="profile-copy">{t('catalogue.profiles.copy')}</Button>}>
                <Requirements profile={p} />
              </Card>
            ))}
          </Flex>
        </Card>
      )}
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('catalogue.profiles.mine')}</Typography.Text>
        {canEdit && <Button type="primary" onClick={() => setEditing({ id: null, values: { name: '', description: '', requirements: [] } })} data-testid="profile-create">{t('catalogue.profiles.create')}</Button>}
      </Flex>
      <Table rowKey="id" size="middle" loading={profiles.isPending} dataSource={mine} columns={columns} pagination={false} scroll={{ x: 700 }} locale={{ emptyText: t('catalogue.profiles.empty') }} data-testid="profile-table" />
      {editing && <ProfileModal editing={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
