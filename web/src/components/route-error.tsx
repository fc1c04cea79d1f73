import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Shown when a page fails to load or throws: a way back instead of a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('common.notFound')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={<Button onClick={() => window.location.assign('/')}>{t('common.back')}</Button>}
    />
  );
}
