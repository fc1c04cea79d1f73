import { DatePicker, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReportDates } from '@fulcrum/shared';
import type { ReportDatesQuery } from '../api/use-report-summary.ts';

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** The period and the two attainment dates; the dates in effect (with the server's defaults) fill the pickers. */
export function ReportFilters({ value, effective, onChange, withAttainment = true }: { value: ReportDatesQuery; effective?: ReportDates | undefined; onChange: (next: ReportDatesQuery) => void; withAttainment?: boolean }) {
  const { t } = useTranslation();
  const from = value.from ?? effective?.from;
  const to = value.to ?? effective?.to;
  const asOf = value.asOf ?? effective?.asOf;
  const compareTo = value.compareTo ?? effective?.compareTo;
  return (
    <Flex wrap gap={12} align="center" data-testid="report-filters">
      <Flex gap={6} align="center">
        <Typography.Text type="secondary">{t('learningReports.filters.period')}</Typography.Text>
        <DatePicker.RangePicker
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          allowClear={false}
          onChange={(range) => onChange({ ...value, from: day(range?.[0]), to: day(range?.[1]) })}
          data-testid="report-period"
        />
      </Flex>
      {withAttainment && (
        <>
          <Flex gap={6} align="center">
            <Typography.Text type="secondary">{t('learningReports.filters.compareTo')}</Typography.Text>
            <DatePicker value={compareTo ? dayjs(compareTo) : null} allowClear={false} onChange={(d) => onChange({ ...value, compareTo: day(d) })} data-testid="report-compare-to" />
          </Flex>
          <Flex gap={6} align="center">
            <Typography.Text type="secondary">{t('learningReports.filters.asOf')}</Typography.Text>
            <DatePicker value={asOf ? dayjs(asOf) : null} allowClear={false} onChange={(d) => onChange({ ...value, asOf: day(d) })} data-testid="report-as-of" />
          </Flex>
        </>
      )}
    </Flex>
  );
}
