import { useDeferredValue, useState } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { onlineCourseEditableStatuses, type ApprenticeshipClass, type ClassOnlineCourse, type ClassStatus } from '@fulcrum/shared';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useActor } from '../../../lib/session.ts';
import { useCourseSearch } from '../api/use-course-search.ts';
import { useLinkOnlineCourse } from '../api/use-link-online-course.ts';
import { useOnlineCourses } from '../api/use-online-courses.ts';
import { useUnlinkOnlineCourse } from '../api/use-unlink-online-course.ts';
import { hoursOf, progressRoles } from './labels.ts';

const figure = { fontVariantNumeric: 'tabular-nums' } as const;

/**
 * Online courses (线上课程（平台学时）): the learning-platform courses that make up the class's online theory. The
 * apprentices' credited study time on them within the class dates counts as online hours; the organiser's staff link
 * a published course found through the catalogue's search, or unlink one, while the class is prepared or in training.
 */
export function OnlineCoursesCard({ record }: { record: ApprenticeshipClass }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { role, organisationId } = useActor().activeMembership;
  const mayEdit =
    organisationId === record.organisationId && progressRoles.includes(role) && (onlineCourseEditableStatuses as readonly ClassStatus[]).includes(record.status);
  const list = useOnlineCourses(record.id);
  const link = useLinkOnlineCourse(record.id);
  const unlink = useUnlinkOnlineCourse(record.id);
  const [query, setQuery] = useState('');
  const search = useCourseSearch(useDeferredValue(query));
  const [picked, setPicked] = useState<string | undefined>();
  const [pickError, setPickError] = useState<string | undefined>();
  const linkedIds = new Set((list.data?.items ?? []).map((c) => c.courseId));
  const options = (search.data?.items ?? []).filter((hit) => !linkedIds.has(hit.id)).map((hit) => ({ value: hit.id, label: hit.title }));

  const onLink = async () => {
    if (!picked) {
      setPickError(t('apprenticeships.onlineCourses.pickFirst'));
      return;
    }
    try {
      const linked = await link.mutateAsync({ courseId: picked });
      void message.success(t('apprenticeships.onlineCourses.linked', { title: linked.title }));
      setPicked(undefined);
      setQuery('');
      setPickError(undefined);
    } catch (e) {
      const issue = e instanceof ApiError ? e.details?.issues?.find((i) => i.path === 'body.courseId') : undefined;
      if (issue) setPickError(t(`apprenticeships.issues.${issue.code}`, { defaultValue: issue.message }));
      else void message.error(errorTextIn(t, 'apprenticeships.codes', e));
    }
  };

  const onUnlink = async (course: ClassOnlineCourse) => {
    try {
      await unlink.mutateAsync(course.courseId);
      void message.success(t('apprenticeships.onlineCourses.unlinked', { title: course.title }));
    } catch (e) {
      void message.error(errorTextIn(t, 'apprenticeships.codes', e));
    }
  };

  const columns: TableProps<ClassOnlineCourse>['columns'] = [
    { key: 'title', title: t('apprenticeships.onlineCourses.course'), dataIndex: 'title', ellipsis: true },
    { key: 'lessons', title: t('apprenticeships.onlineCourses.lessons'), width: 72, align: 'right', responsive: ['sm'], render: (_, c) => <span style={figure}>{c.lessonCount}</span> },
    { key: 'hours', title: t('apprenticeships.onlineCourses.hours'), width: 84, align: 'right', render: (_, c) => <span style={figure}>{hoursOf(c.platformMinutes)}</span> },
    ...(mayEdit
      ? ([
          {
            key: 'actions',
            title: t('common.actions'),
            width: 80,
            render: (_, c) => (
              <Popconfirm
                title={t('apprenticeships.onlineCourses.unlinkConfirm', { title: c.title })}
                okText={t('apprenticeships.onlineCourses.unlink')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, 'data-testid': 'online-course-unlink-confirm' } as never}
                onConfirm={() => onUnlink(c)}
              >
                <Button type="link" danger size="small" data-testid="online-course-unlink">
                  {t('apprenticeships.onlineCourses.unlink')}
                </Button>
              </Popconfirm>
            ),
          },
        ] satisfies TableProps<ClassOnlineCourse>['columns'])
      : []),
  ];

  return (
    <Card size="small" title={t('apprenticeships.onlineCourses.title')} data-testid="online-courses">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('apprenticeships.onlineCourses.hint')}
      </Typography.Paragraph>
      {mayEdit && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <div style={{ flex: '1 1 260px', minWidth: 0 }}>
            <Select
              showSearch
              allowClear
              value={picked}
              placeholder={t('apprenticeships.onlineCourses.searchPlaceholder')}
              filterOption={false}
              onSearch={setQuery}
              onChange={(value: string | undefined) => {
                setPicked(value);
                setPickError(undefined);
              }}
              options={options}
              loading={search.isFetching}
              notFoundContent={query.trim() ? t('apprenticeships.onlineCourses.noMatch') : t('apprenticeships.onlineCourses.typeToSearch')}
              status={pickError ? 'error' : undefined}
              style={{ width: '100%' }}
              data-testid="online-course-picker"
            />
            {pickError && (
              <Typography.Text type="danger" data-testid="online-course-error">
                {pickError}
              </Typography.Text>
            )}
          </div>
          <Button type="primary" icon={<PlusOutlined />} loading={link.isPending} onClick={() => void onLink()} data-testid="online-course-link">
            {t('apprenticeships.onlineCourses.link')}
          </Button>
        </Flex>
      )}
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <Table<ClassOnlineCourse>
        rowKey="courseId"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('apprenticeships.onlineCourses.empty') }}
        data-testid="online-course-table"
      />
    </Card>
  );
}
