import { useEffect, useRef } from 'react';
import { Button, Card, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api.ts';
import { errorText } from '../../../lib/forms.ts';
import { useCheckIn } from '../api/use-check-in.ts';
import { AttendanceTag, dateTime, timeRange } from '../components/labels.tsx';
import '../i18n.ts';

/** The refusal in plain words: the server's reason when it gave one, else the error's text. */
function useRefusalText(error: unknown) {
  const { t, i18n } = useTranslation();
  if (error instanceof ApiError) {
    const reason = typeof error.details?.reason === 'string' ? error.details.reason : null;
    const key = `trainingProjects.checkIn.reasons.${reason}`;
    if (reason && i18n.exists(key)) return t(key, { opensAt: typeof error.details?.opensAt === 'string' ? dateTime(error.details.opensAt) : '' });
  }
  return errorText(t, error);
}

/** /m/check-in?t=… — what the phone opens when it scans a session's QR code: checks in once and says how it went. */
export default function CheckInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const checkIn = useCheckIn();
  const posted = useRef(false);
  useEffect(() => {
    if (!token || posted.current) return;
    posted.current = true;
    checkIn.mutate(token);
  }, [token, checkIn]);
  const refusal = useRefusalText(checkIn.error);

  if (!token) return <Card><Result status="info" title={t('trainingProjects.checkIn.title')} subTitle={t('trainingProjects.checkIn.noToken')} data-testid="check-in-missing" /></Card>;
  if (checkIn.isError) return <Card><Result status="error" title={t('trainingProjects.checkIn.failed')} subTitle={refusal} data-testid="check-in-refused" extra={<Link to="/m/projects">{t('trainingProjects.mobile.back')}</Link>} /></Card>;
  if (!checkIn.data) {
    return (
      <Card>
        <Result icon={<Spin size="large" />} title={t('trainingProjects.checkIn.working')} />
      </Card>
    );
  }
  const r = checkIn.data;
  return (
    <Card>
      <Result
        status="success"
        data-testid="check-in-success"
        title={t(r.alreadyCheckedIn ? 'trainingProjects.checkIn.already' : 'trainingProjects.checkIn.success')}
        subTitle={
          <>
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {r.projectTitle}
            </Typography.Paragraph>
            <div>{t('trainingProjects.checkIn.session', { title: r.sessionTitle, venue: r.venue })}</div>
            <div>{timeRange(r.startsAt, r.endsAt)}</div>
            <div style={{ marginTop: 8 }}>
              <AttendanceTag state={r.state} /> {t('trainingProjects.checkIn.at', { time: dateTime(r.checkedInAt) })}
            </div>
          </>
        }
        extra={
          <Link to={`/m/projects/${r.projectId}`}>
            <Button type="primary">{t('trainingProjects.checkIn.toProject')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
