import { Button, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Competency, CreateCompetencyRequest } from '@fulcrum/shared';
import { useCompetencies } from '../api/use-competencies.ts';
import { useKnowledgePoints } from '../api/use-knowledge-points.ts';
import { useCreateForm } from './use-create-form.ts';

/** The knowledge points of a competency, level by level. */
function Levels({ competency }: { competency: Competency }) {
  const { t } = useTranslation();
  const levels = Array.from({ length: competency.maxLevel }, (_, i) => i + 1);
  return (
    <Flex vertical gap={4}>
      {levels.map((level) => (
        <div key={level}>
          <Tag color="blue">{t('catalogue.competencies.level', { n: level })}</Tag>
          {competency.knowledgePoints.filter((p) => p.level === level).map((p) => p.name).join('、') || '—'}
        </div>
      ))}
    </Flex>
  );
}

export function CompetenciesTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { open: creating, setOpen: setCreating, form, submit, isPending } = useCreateForm<CreateCompetencyRequest>('/learning/competencies');
  const competencies = useCompetencies();
  const points = useKnowledgePoints({});
  const columns = [
    { title: t('catalogue.common.code'), dataIndex: 'code', width: 110 },
    { title: t('catalogue.common.name'), dataIndex: 'name' },
    { title: t('catalogue.competencies.maxLevel'), dataIndex: 'maxLevel', width: 100 },
    { title: t('catalogue.competencies.levels'), key: 'levels', render: (_: unknown, row: Competency) => <Levels competency={row} /> },
    { title: t('catalogue.common.visibility'), dataIndex: 'visibility', width: 110, render: (v: string) => t(`catalogue.visibility.${v}`) },
  ];
  return (
    <Flex vertical gap={12}>
      {canEdit && <Flex justify="end"><Button type="primary" onClick={() => setCreating(true)} data-testid="competency-create">{t('catalogue.competencies.create')}</Button></Flex>}
      <Table rowKey="id" size="middle" loading={competencies.isPending} dataSource={competencies.data?.items} columns={columns} scroll={{ x: 800 }} pagination={false} locale={{ emptyText: t('catalogue.competencies.empty') }} data-testid="competency-table" />
      <Modal open={creating} title={t('catalogue.competencies.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={isPending} okText={t('catalogue.common.save')} cancelText={t('catalogue.common.cancel')} destroyOnHidden width={600}>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ maxLevel: 5, knowledgePoints: [] }}>
          <Form.Item name="code" label={t('catalogue.common.code')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="name" label={t('catalogue.common.name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="maxLevel" label={t('catalogue.competencies.maxLevel')}><InputNumber min={1} max={10} /></Form.Item>
          <Form.List name="knowledgePoints">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'knowledgePointId']} rules={[{ required: true }]} style={{ minWidth: 260 }}>
                      <Select showSearch optionFilterProp="label" placeholder={t('catalogue.competencies.point')} options={(points.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'level']} rules={[{ required: true }]} initialValue={1}><InputNumber min={1} max={10} /></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>{t('catalogue.competencies.point')}</Button>
              </Flex>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Flex>
  );
}
