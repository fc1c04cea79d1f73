import { Card, Flex, List, Result, Skeleton, Tag, Typography } from 'antd';
import { PlayCircleOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Lesson } from '@fulcrum/shared';
import { useCourse } from '../api/use-course.ts';
import { catalogueError, minutesOf } from '../components/error-text.ts';
import '../i18n.ts';

function Lessons({ lessons }: { lessons: Lesson[] }) {
  const { t } = useTranslation();
  return (
    <List size="small" dataSource={lessons} renderItem={(lesson) => (
      <Link to={`/m/lessons/${lesson.id}`} data-testid="mobile-lesson" style={{ display: 'block' }}>
        <List.Item extra={<RightOutlined style={{ color: '#bfbfbf' }} />}>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Flex gap={6} align="center" wrap>
              <PlayCircleOutlined />
              <Typography.Text>{lesson.title}</Typography.Text>
            </Flex>
            <Flex gap={6} wrap>
              <Tag color={lesson.kind === 'micro_course' ? 'geekblue' : 'default'}>{t(`catalogue.kind.${lesson.kind}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('catalogue.mobile.minutes', { n: minutesOf(lesson.durationSeconds) })}</Typography.Text>
              {lesson.knowledgePoints.map((p) => <Typography.Text key={p.id} type="secondary" style={{ fontSize: 12 }}>#{p.name}</Typography.Text>)}
            </Flex>
          </Flex>
        </List.Item>
      </Link>
    )} />
  );
}

/** /m/courses/:id — a course on the phone: its sections and lessons, each opening the player. */
export default function MobileCoursePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const course = useCourse(id);
  if (course.isPending) return <Card><Skeleton active /></Card>;
  if (course.error) return <Card><Result status="warning" title={catalogueError(t, course.error)} /></Card>;
  const data = course.data;
  return (
    <Flex vertical gap={12} data-testid="mobile-course">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>{data.title}</Typography.Title>
        <Typography.Text type="secondary">{data.description}</Typography.Text>
        <div style={{ marginTop: 4, color: '#595959', fontSize: 13 }}>
          {t('catalogue.mobile.lessons', { n: data.lessonCount })} · {t('catalogue.mobile.minutes', { n: minutesOf(data.totalSeconds) })} · {data.organisationName}
        </div>
      </div>
      {data.sections.map((section) => (
        <Card key={section.id} size="small" title={section.title} data-testid="mobile-section"><Lessons lessons={section.lessons} /></Card>
      ))}
      {data.lessons.length > 0 && <Card size="small"><Lessons lessons={data.lessons} /></Card>}
    </Flex>
  );
}
