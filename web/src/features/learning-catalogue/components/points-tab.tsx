import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Flex, Form, Input, List, Modal, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { catalogueTrades, type CreateKnowledgePointRequest, type KnowledgePoint } from '@fulcrum/shared';
import { useCatalogueMutation } from '../api/use-catalogue-mutation.ts';
import { useKnowledgePoint } from '../api/use-knowledge-point.ts';
import { useKnowledgePoints } from '../api/use-knowledge-points.ts';
import { catalogueError } from './error-text.ts';
import { useCreateForm } from './use-create-form.ts';

type Edge = { id: string; prerequisiteId: string };

/** A knowledge point's place in the graph: its prerequisites (removable), what needs it, everything before it by depth. */
function PointGraph({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const graph = useKnowledgePoint(id);
  const all = useKnowledgePoints({});
  const add = useCatalogueMutation<Edge>('POST', (e) => `/learning/knowledge-points/${e.id}/prerequisites`, (e) => ({ prerequisiteId: e.prerequisiteId }));
  const remove = useCatalogueMutation<Edge>('DELETE', (e) => `/learning/knowledge-points/${e.id}/prerequisites/${e.prerequisiteId}`);
  const run = (mutation: typeof add, edge: Edge) => mutation.mutateAsync(edge).catch((error: unknown) => message.error(catalogueError(t, error)));
  if (!graph.data) return null;
  const point = graph.data;
  return (
    <Flex vertical gap={16} data-testid="point-graph">
      <Descriptions column={1} size="small" items={[
        { key: 'code', label: t('catalogue.common.code'), children: point.code },
        { key: 'description', label: t('catalogue.common.description'), children: point.description || '—' },
        { key: 'owner', label: t('catalogue.courses.owner'), children: point.organisationName },
      ]} />
      <div>
        <Typography.Text strong>{t('catalogue.points.prerequisites')}</Typography.Text>
        <List size="small" dataSource={point.prerequisites} locale={{ emptyText: t('catalogue.common.none') }} renderItem={(p) => (
          <List.Item actions={canEdit ? [<Button key="x" size="small" type="link" danger onClick={() => run(remove, { id, prerequisiteId: p.id })}>{t('catalogue.points.remove')}</Button>] : []}>{p.name}</List.Item>
        )} />
        {canEdit && (
          <Select showSearch optionFilterProp="label" placeholder={t('catalogue.points.pick')} style={{ width: '100%' }} value={null} data-testid="prerequisite-select"
            options={(all.data?.items ?? []).filter((p) => p.id !== id).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
            onChange={(prerequisiteId: string) => run(add, { id, prerequisiteId })} />
        )}
      </div>
      <div>
        <Typography.Text strong>{t('catalogue.points.all')}</Typography.Text>
        <List size="small" dataSource={point.allPrerequisites} locale={{ emptyText: t('catalogue.common.none') }} renderItem={(p) => (
          <List.Item style={{ paddingLeft: 8 + (p.depth - 1) * 16 }}><Tag>{t('catalogue.points.depth', { n: p.depth })}</Tag>{p.name}</List.Item>
        )} />
      </div>
      <div>
        <Typography.Text strong>{t('catalogue.points.dependents')}</Typography.Text>
        <List size="small" dataSource={point.dependents} locale={{ emptyText: t('catalogue.common.none') }} renderItem={(p) => <List.Item>{p.name}</List.Item>} />
      </div>
    </Flex>
  );
}

/** The knowledge points tab: the table, a form for a new point, and the graph of the point opened. */
export function PointsTab({ organisationId, canEdit }: { organisationId: string | undefined; canEdit: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<KnowledgePoint | null>(null);
  const { open: creating, setOpen: setCreating, form, submit, isPending } = useCreateForm<CreateKnowledgePointRequest>('/learning/knowledge-points');
  const points = useKnowledgePoints({ q: q || undefined });
  const columns = [
    { title: t('catalogue.common.code'), dataIndex: 'code', width: 110 },
    { title: t('catalogue.common.name'), dataIndex: 'name', render: (name: string, row: KnowledgePoint) => <a onClick={() => setOpen(row)} data-testid="point-open">{name}</a> },
    { title: t('catalogue.common.trade'), dataIndex: 'trade', render: (v: string | null) => (v ? t(`catalogue.trades.${v}`, { defaultValue: v }) : '—') },
    { title: t('catalogue.points.prerequisites'), dataIndex: 'prerequisiteCount', width: 110 },
    { title: t('catalogue.points.dependents'), dataIndex: 'dependentCount', width: 110 },
    { title: t('catalogue.common.visibility'), dataIndex: 'visibility', render: (v: string) => t(`catalogue.visibility.${v}`) },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Input.Search allowClear placeholder={t('catalogue.points.search')} onSearch={setQ} style={{ maxWidth: 320 }} />
        {canEdit && <Button type="primary" onClick={() => setCreating(true)} data-testid="point-create">{t('catalogue.points.create')}</Button>}
      </Flex>
      <Table rowKey="id" size="middle" loading={points.isPending} dataSource={points.data?.items} columns={columns} scroll={{ x: 800 }} locale={{ emptyText: t('catalogue.points.empty') }} pagination={{ pageSize: 20, showSizeChanger: false }} data-testid="point-table" />
      <Drawer open={Boolean(open)} onClose={() => setOpen(null)} title={open?.name} width={420} destroyOnHidden>
        {open && <PointGraph id={open.id} canEdit={canEdit && open.organisationId === organisationId} />}
      </Drawer>
      <Modal open={creating} title={t('catalogue.points.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={isPending} okText={t('catalogue.common.save')} cancelText={t('catalogue.common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="code" label={t('catalogue.common.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9._-]+$/ }]}><Input /></Form.Item>
          <Form.Item name="name" label={t('catalogue.common.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="description" label={t('catalogue.common.description')}><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="trade" label={t('catalogue.common.trade')}><Select allowClear options={catalogueTrades.map((v) => ({ value: v, label: t(`catalogue.trades.${v}`) }))} /></Form.Item>
          <Form.Item name="visibility" label={t('catalogue.common.visibility')}><Select allowClear options={(['organisation', 'district'] as const).map((v) => ({ value: v, label: t(`catalogue.visibility.${v}`) }))} /></Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
