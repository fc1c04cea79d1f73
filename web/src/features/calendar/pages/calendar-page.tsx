import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Popconfirm, Row, Switch, Table, Tag, Typography, type TableProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { CalendarDay } from '@fulcrum/shared';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorText } from '../../../lib/forms.ts';
import { useActor, useLocale } from '../../../lib/session.ts';
import { useCalendarYear } from '../api/use-calendar-year.ts';
import { useRemoveOverride } from '../api/use-remove-override.ts';
import { NoticeSettingsCard } from '../components/notice-settings-card.tsx';
import { OverrideModal } from '../components/override-modal.tsx';
import '../i18n.ts';

const departmentRoles = new Set(['system_admin', 'department_officer', 'department_reviewer']);

/**
 * /console/calendar — a year's holidays, adjusted working days and corrections, as every working-day deadline sees
 * them; a system admin corrects dates and sets the shortest public notice period, departments read both.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const role = useActor().activeMembership.role;
  const locale = useLocale();
  const isAdmin = role === 'system_admin';
  const [params, setParams] = useSearchParams();
  const paramYear = Number(params.get('year'));
  const year = Number.isInteger(paramYear) && paramYear >= 1900 && paramYear <= 2099 ? paramYear : dayjs().year();
  const calendar = useCalendarYear(year);
  const remove = useRemoveOverride();
  const [onlyExceptions, setOnlyExceptions] = useState(false);
  const [adding, setAdding] = useState(false);

  const data = calendar.data;
  const days = (data?.days ?? []).filter((d) => !onlyExceptions || d.differsFromWeekRule);
  const holidays = data?.days.filter((d) => d.kind === 'holiday').length ?? 0;
  const workdays = data?.days.filter((d) => d.kind === 'workday' && d.differsFromWeekRule).length ?? 0;

  const columns: TableProps<CalendarDay>['columns'] = [
    {
      key: 'date',
      title: t('calendarAdmin.columns.date'),
      width: 110,
      render: (_, d) => (
        <>
          <div style={{ whiteSpace: 'nowrap' }}>{d.date}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`calendarAdmin.weekdays.${d.weekday}`)}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'kind',
      title: t('calendarAdmin.columns.kind'),
      width: 64,
      render: (_, d) => <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendarAdmin.kind.${d.kind}`)}</Tag>,
    },
    { key: 'name', title: t('calendarAdmin.columns.name'), render: (_, d) => (locale === 'en-US' && d.nameEn ? d.nameEn : d.name) },
    {
      key: 'source',
      title: t('calendarAdmin.columns.source'),
      width: 110,
      responsive: ['sm'],
      render: (_, d) => <Tag color={d.source === 'override' ? 'gold' : 'default'}>{t(`calendarAdmin.source.${d.source}`)}</Tag>,
    },
    { key: 'note', title: t('calendarAdmin.columns.note'), responsive: ['md'], render: (_, d) => d.note ?? '' },
    ...(isAdmin
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 64,
            render: (_: unknown, d: CalendarDay) =>
              d.source === 'override' ? (
                <Popconfirm
                  title={t('calendarAdmin.removeConfirm', { date: d.date })}
                  onConfirm={async () => {
                    try {
                      await remove.mutateAsync(d.date);
                      void message.success(t('calendarAdmin.removed'));
                    } catch (e) {
                      void message.error(errorText(t, e));
                    }
                  }}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('calendarAdmin.remove')} title={t('calendarAdmin.remove')} data-testid="override-remove" />
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div data-testid="calendar-page">
      <PageHeader
        title={t('calendarAdmin.title')}
        subTitle={t('calendarAdmin.subTitle')}
        extra={
          isAdmin ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="override-add">
              {t('calendarAdmin.add')}
            </Button>
          ) : undefined
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
              <Flex wrap gap={12} align="center">
                <DatePicker
                  picker="year"
                  allowClear={false}
                  value={dayjs(`${year}-01-01`)}
                  onChange={(value) => value && setParams({ year: String(value.year()) }, { replace: true })}
                  aria-label={t('calendarAdmin.year')}
                  data-testid="calendar-year"
                />
                {data && (
                  <Typography.Text type="secondary" data-testid="calendar-counts">
                    {t('calendarAdmin.counts', { holidays, workdays })}
                  </Typography.Text>
                )}
              </Flex>
              <Flex gap={8} align="center">
                <Switch size="small" checked={onlyExceptions} onChange={setOnlyExceptions} />
                <Typography.Text>{t('calendarAdmin.onlyExceptions')}</Typography.Text>
              </Flex>
            </Flex>
            {calendar.error && <Alert type="error" showIcon title={errorText(t, calendar.error)} style={{ marginBottom: 12 }} />}
            {data && !data.coveredByPackage && (
              <Alert type="warning" showIcon title={t('calendarAdmin.notCovered', { year: data.year })} style={{ marginBottom: 12 }} data-testid="calendar-not-covered" />
            )}
            {!isAdmin && <Alert type="info" showIcon title={t('calendarAdmin.readOnly')} style={{ marginBottom: 12 }} />}
            <Table<CalendarDay>
              size="small"
              rowKey="date"
              loading={calendar.isFetching}
              dataSource={days}
              columns={columns}
              pagination={false}
              locale={{ emptyText: t('calendarAdmin.empty') }}
              rowClassName={(d) => (d.source === 'override' ? 'calendar-override-row' : '')}
              data-testid="calendar-days"
            />
            {data && (
              <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
                {t('calendarAdmin.package', { version: data.packageVersion, first: data.packageYears.first, last: data.packageYears.last })}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {departmentRoles.has(role) && <NoticeSettingsCard editable={isAdmin} />}
        </Col>
      </Row>
      {isAdmin && <OverrideModal open={adding} defaultDate={dayjs(`${year}-${dayjs().format('MM-DD')}`)} onClose={() => setAdding(false)} />}
    </div>
  );
}
