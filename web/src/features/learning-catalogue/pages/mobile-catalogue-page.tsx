import { useState } from 'react';
import { Card, Empty, Flex, Input, List, Skeleton, Tag, Typography } from 'antd';
import { BookOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CatalogueSearchHit } from '@fulcrum/shared';
import { useCatalogueSearch } from '../api/use-search.ts';
import { useCourses } from '../api/use-courses.ts';
import { minutesOf } from '../components/error-text.ts';
import '../i18n.ts';

/** Where a search hit leads: a course page, a lesson's player, or (a knowledge point) nowhere of its own. */
const linkOf = (hit: CatalogueSearchHit) => (hit.kind === 'course' ? `/m/courses/${hit.id}` : hit.kind === 'lesson' ? `/m/lessons/${hit.id}` : null);

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const search = useCatalogueSearch(q);
  if (search.isPending) return <Skeleton active />;
  return (
    <Card size="small" title={t('catalogue.mobile.results')}>
      <List dataSource={search.data?.items ?? []} locale={{ emptyText: t('catalogue.mobile.empty') }} renderItem={(hit) => {
        const to = linkOf(hit);
        const title = <Flex gap={6} align="center"><Tag>{t(`catalogue.mobile.kinds.${hit.kind}`)}</Tag><span>{hit.title}</span></Flex>;
        return (
          <List.Item data-testid="search-hit">
            <List.Item.Meta title={to ? <Link to={to}>{title}</Link> : title} description={hit.snippet} />
          </List.Item>
        );
      }} />
    </Card>
  );
}

/** /m/courses — the courses an employee may take, with a Chinese search over courses, micro-courses and knowledge points. */
export default function MobileCataloguePage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const courses = useCourses({ status: 'published', pageSize: 50 });
  return (
    <Flex vertical gap={12} data-testid="mobile-catalogue">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('catalogue.mobile.title')}</Typography.Title>
      <Input.Search allowClear size="large" placeholder={t('catalogue.mobile.search')} onSearch={(v) => setQ(v.trim())} onChange={(e) => !e.target.value && setQ('')} data-testid="mobile-search" />
      {q ? <SearchResults q={q} /> : courses.isPending ? <Skeleton active /> : (courses.data?.items.length ?? 0) === 0 ? <Card><Empty description={t('catalogue.mobile.noCourses')} /></Card> : (
        courses.data!.items.map((course) => (
          <Link key={course.id} to={`/m/courses/${course.id}`} data-testid="mobile-course-card">
            <Card size="small" hoverable>
              <Flex vertical gap={4}>
                <Typography.Text strong style={{ fontSize: 16 }}>{course.title}</Typography.Text>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{course.description}</Typography.Paragraph>
                <Flex gap={12} wrap style={{ color: '#595959', fontSize: 13 }}>
                  <span><BookOutlined /> {t('catalogue.mobile.lessons', { n: course.lessonCount })}</span>
                  {course.microCourseCount > 0 && <span>{t('catalogue.mobile.micro', { n: course.microCourseCount })}</span>}
                  <span><ClockCircleOutlined /> {t('catalogue.mobile.minutes', { n: minutesOf(course.totalSeconds) })}</span>
                </Flex>
              </Flex>
            </Card>
          </Link>
        ))
      )}
    </Flex>
  );
}
