import { Button, Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../lib/api.ts';
import { errorText } from '../lib/forms.ts';

/** A missing record and a malformed id in the address are the same thing to the reader: not found. */
export const isNotFound = (error: unknown) => error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED'));

/** A record page that could not load its record: "not found" (with the list to go back to) or the error with a retry. */
export function LoadFailure({ error, notFound, hint, back, onRetry }: { error: unknown; notFound: string; hint?: string; back: { path: string; label: string }; onRetry: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const missing = isNotFound(error);
  return (
    <Card>
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? notFound : errorText(t, error)}
        subTitle={missing ? hint : undefined}
        extra={
          <>
            <Button onClick={() => navigate(back.path)}>{back.label}</Button>
            {!missing && <Button onClick={onRetry}>{t('common.retry')}</Button>}
          </>
        }
        data-testid="record-not-found"
      />
    </Card>
  );
}
