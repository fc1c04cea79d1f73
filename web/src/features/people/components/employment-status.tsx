import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Employed" or "Left" for an employment, by whether it has an end date. */
export function EmploymentStatus({ endDate }: { endDate: string | null }) {
  const { t } = useTranslation();
  return endDate ? <Tag>{t('people.status.ended')}</Tag> : <Tag color="green">{t('people.status.active')}</Tag>;
}

/** A contract period as "start – end", an open-ended one named so, none as a dash. */
export function ContractPeriod({ start, end }: { start: string | null; end: string | null }) {
  const { t } = useTranslation();
  if (!start && !end) return <>—</>;
  return (
    <>
      {start ?? '—'} – {end ?? t('people.contractOpen')}
    </>
  );
}
