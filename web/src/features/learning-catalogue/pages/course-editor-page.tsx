import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Input, List, Popconfirm, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CourseStatus, Lesson } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCatalogueMutation } from '../api/use-catalogue-mutation.ts';
import { useCourse } from '../api/use-course.ts';
import { catalogueError, minutesOf } from '../components/error-text.ts';
import { LessonModal } from '../components/lesson-modal.tsx';
import '../i18n.ts';

/** The status a course may move to, and the button's text. */
const nextStep: Record<CourseStatus, { status: CourseStatus; label: string }> = {
  draft: { status: 'published', label: 'publish' },
  published: { status: 'archived', label: 'archive' },
  archived: { status: 'published', label: 'republish' },
};

function LessonList({ lessons, canEdit, onDelete }: { lessons: Lesson[]; canEdit: boolean; onDelete: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <List size="small" dataSource={lessons} locale={{ emptyText: t('catalogue.editor.noLessons') }} renderItem={(lesson) => (
      <List.Item data-testid="editor-lesson" actions={canEdit ? [<Popconfirm key="d" title={lesson.title} onConfirm={() => onDelete(lesson.id)}><a>{t('catalogue.editor.deleteLesson')}</a></Popconfirm>] : []}>
        <Flex vertical gap={2}>
          <Space wrap><Tag color={lesson.kind === 'micro_course' ? 'geekblue' : 'default'}>{t(`catalogue.kind.${lesson.kind}`)}</Tag><span>{lesson.title}</span>
            <Typography.Text type="secondary">{t('catalogue.courses.minutes', { n: minutesOf(lesson.durationSeconds) })}</Typography.Text></Space>
          {lesson.knowledgePoints.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{lesson.knowledgePoints.map((p) => p.name).join('、')}</Typography.Text>}
        </Flex>
      </List.Item>
    )} />
  );
}

/** /console/learning/courses/:id — a course's sections and lessons: add sections and lessons (with media), publish or archive. */
export default function CourseEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const course = useCourse(id);
  const [sectionTitle, setSectionTitle] = useState('');
  const [addingLesson, setAddingLesson] = useState(false);
  const setStatus = useCatalogueMutation<CourseStatus>('POST', () => `/learning/courses/${id}/status`, (status) => ({ status }));
  const addSection = useCatalogueMutation<string>('POST', () => `/learning/courses/${id}/sections`, (title) => ({ title }));
  const deleteSection = useCatalogueMutation<string>('DELETE', (sectionId) => `/learning/sections/${sectionId}`);
  const deleteLesson = useCatalogueMutation<string>('DELETE', (lessonId) => `/learning/lessons/${lessonId}`);
  const run = <T,>(promise: Promise<T>) => promise.catch((error: unknown) => message.error(catalogueError(t, error)));

  if (course.isPending) return <Card><Skeleton active /></Card>;
  if (course.error) return <Card><Result status="warning" title={catalogueError(t, course.error)} /></Card>;
  const data = course.data;
  const step = nextStep[data.status];
  return (
    <div data-testid="course-editor">
      <Link to="/console/learning/catalogue/courses"><ArrowLeftOutlined /> {t('catalogue.editor.back')}</Link>
      <PageHeader title={<Space>{data.title}<Tag data-testid="course-status">{t(`catalogue.status.${data.status}`)}</Tag></Space>} subTitle={data.description}
        extra={data.canEdit && <Button type="primary" loading={setStatus.isPending} onClick={() => run(setStatus.mutateAsync(step.status))} data-testid="course-status-action">{t(`catalogue.editor.${step.label}`)}</Button>} />
      {!data.canEdit && <Alert type="info" showIcon message={t('catalogue.editor.readOnly')} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} items={[
          { key: 'trade', label: t('catalogue.common.trade'), children: data.trade ? t(`catalogue.trades.${data.trade}`, { defaultValue: data.trade }) : '—' },
          { key: 'visibility', label: t('catalogue.common.visibility'), children: t(`catalogue.visibility.${data.visibility}`) },
          { key: 'lessons', label: t('catalogue.courses.lessons'), children: data.lessonCount },
          { key: 'duration', label: t('catalogue.courses.duration'), children: t('catalogue.courses.minutes', { n: minutesOf(data.totalSeconds) }) },
        ]} />
      </Card>
      {data.sections.map((section) => (
        <Card key={section.id} size="small" title={section.title} style={{ marginBottom: 12 }} data-testid="editor-section"
          extra={data.canEdit && <Popconfirm title={section.title} onConfirm={() => run(deleteSection.mutateAsync(section.id))}><a>{t('catalogue.editor.deleteSection')}</a></Popconfirm>}>
          <LessonList lessons={section.lessons} canEdit={data.canEdit} onDelete={(lessonId) => run(deleteLesson.mutateAsync(lessonId))} />
        </Card>
      ))}
      {data.lessons.length > 0 && (
        <Card size="small" title={t('catalogue.editor.loose')} style={{ marginBottom: 12 }}>
          <LessonList lessons={data.lessons} canEdit={data.canEdit} onDelete={(lessonId) => run(deleteLesson.mutateAsync(lessonId))} />
        </Card>
      )}
      {data.canEdit && (
        <Flex gap={8} wrap>
          <Space.Compact style={{ maxWidth: 420 }}>
            <Input placeholder={t('catalogue.editor.sectionTitle')} value={sectionTitle} onChange={(e) => setSectionTitle(e.target.value)} data-testid="section-title" />
            <Button disabled={!sectionTitle.trim()} onClick={() => run(addSection.mutateAsync(sectionTitle).then(() => setSectionTitle('')))} data-testid="section-add">{t('catalogue.editor.addSection')}</Button>
          </Space.Compact>
          <Button type="primary" onClick={() => setAddingLesson(true)} data-testid="lesson-add">{t('catalogue.editor.addLesson')}</Button>
        </Flex>
      )}
      {addingLesson && <LessonModal courseId={id} sections={data.sections} onClose={() => setAddingLesson(false)} />}
    </div>
  );
}
