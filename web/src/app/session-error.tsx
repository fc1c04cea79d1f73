import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.ts';
import { errorText } from '../lib/forms.ts';

/** Only a 401 means "signed out"; any other failure to load the session (a 500, the network) is not a reason to sign in again. */
export const isSignedOut = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 401;

/** The session could not be loaded for another reason than being signed out: say why and offer to try again. */
export function SessionError({ error, retrying, onRetry }: { error: unknown; retrying: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('app.sessionFailed')}
      subTitle={errorText(t, error)}
      extra={
        <Button type="primary" loading={retrying} onClick={onRetry} data-testid="session-retry">
          {t('common.retry')}
        </Button>
      }
      data-testid="session-error"
    />
  );
}
