import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { catalogueTrades, type CourseDetail, type CourseRequest, type CourseSummary } from '@fulcrum/shared';
import { useCatalogueMutation } from '../api/use-catalogue-mutation.ts';
import { useCourses } from '../api/use-courses.ts';
import { catalogueError, minutesOf } from './error-text.ts';

const statusColour = { draft: 'default', published: 'green', archived: 'orange' } as const;

/** The courses tab: the list with filters, and a form that creates a draft and opens it in the editor. */
export function CoursesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CourseRequest>();
  const courses = useCourses({ q: q || undefined, page, pageSize: 20 });
  const create = useCatalogueMutation<CourseRequest, CourseDetail>('POST', () => '/learning/courses');

  const submit = async (values: CourseRequest) => {
    try {
      const course = await create.mutateAsync(values);
      navigate(`/console/learning/courses/${course.id}`);
    } catch (error) {
      message.error(catalogueError(t, error));
    }
  };
  const columns = [
    { title: t('catalogue.courses.title'), dataIndex: 'title', render: (title: string, row: CourseSummary) => <Link to={`/console/learning/courses/${row.id}`} data-testid="course-link">{title}</Link> },
    { title: t('catalogue.common.trade'), dataIndex: 'trade', render: (trade: string | null) => (trade ? t(`catalogue.trades.${trade}`, { defaultValue: trade }) : '—') },
    { title: t('catalogue.courses.lessons'), dataIndex: 'lessonCount' },
    { title: t('catalogue.courses.micro'), dataIndex: 'microCourseCount' },
    { title: t('catalogue.courses.duration'), dataIndex: 'totalSeconds', render: (s: number) => t('catalogue.courses.minutes', { n: minutesOf(s) }) },
    { title: t('catalogue.common.visibility'), dataIndex: 'visibility', render: (v: string) => t(`catalogue.visibility.${v}`) },
    { title: t('catalogue.courses.owner'), dataIndex: 'organisationName' },
    { title: t('catalogue.common.status'), dataIndex: 'status', render: (s: CourseSummary['status']) => <Tag color={statusColour[s]}>{t(`catalogue.status.${s}`)}</Tag> },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Input.Search allowClear placeholder={t('catalogue.courses.search')} onSearch={(v) => { setQ(v); setPage(1); }} style={{ maxWidth: 320 }} data-testid="course-search" />
        <Button type="primary" onClick={() => setCreating(true)} data-testid="course-create">{t('catalogue.courses.create')}</Button>
      </Flex>
      <Table rowKey="id" size="middle" loading={courses.isPending} dataSource={courses.data?.items} columns={columns} scroll={{ x: 900 }}
        locale={{ emptyText: t('catalogue.courses.empty') }} pagination={{ current: page, total: courses.data?.total ?? 0, pageSize: 20, onChange: setPage, showSizeChanger: false }} data-testid="course-table" />
      <Modal open={creating} title={t('catalogue.courses.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} okText={t('catalogue.common.save')} cancelText={t('catalogue.common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ visibility: 'organisation' }}>
          <Form.Item name="title" label={t('catalogue.courses.title')} rules={[{ required: true }]}><Input data-testid="course-title" /></Form.Item>
          <Form.Item name="description" label={t('catalogue.common.description')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="trade" label={t('catalogue.common.trade')}><Select allowClear options={catalogueTrades.map((v) => ({ value: v, label: t(`catalogue.trades.${v}`) }))} /></Form.Item>
          <Form.Item name="visibility" label={t('catalogue.common.visibility')}><Select options={(['organisation', 'district'] as const).map((v) => ({ value: v, label: t(`catalogue.visibility.${v}`) }))} /></Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
