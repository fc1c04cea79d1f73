import { App, Button, Flex, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyStage } from '@fulcrum/shared';
import { errorTextIn } from '../../../lib/form-feedback.ts';
import { useRegistration } from '../api/use-registration.ts';
import { AttendanceTag, RegistrationTag, timeRange } from './labels.tsx';

/** An offline stage's sessions with my place at each: register (a seat or the waitlist), cancel, my attendance. */
export function OfflineSessions({ stage, active }: { stage: MyStage; active: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const registration = useRegistration();
  const holdsPlace = stage.registrations.length > 0;
  const act = (sessionId: string, cancel: boolean) =>
    registration.mutateAsync({ sessionId, cancel }).catch((error: unknown) => void message.error(errorTextIn(t, 'trainingProjects.errors', error)));
  return (
    <List
      size="small"
      header={<Typography.Text type="secondary">{t('trainingProjects.mobile.checkInHint')}</Typography.Text>}
      dataSource={stage.sessions.filter((s) => s.status === 'scheduled')}
      renderItem={(s) => {
        const mine = stage.registrations.find((r) => r.sessionId === s.id);
        const attended = stage.attendance.find((a) => a.sessionId === s.id);
        const left = s.capacity - s.registeredCount;
        const over = new Date(s.endsAt).getTime() < Date.now();
        return (
          <List.Item data-testid="my-session">
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Typography.Text strong>{s.title}</Typography.Text>
              <Typography.Text type="secondary">
                {timeRange(s.startsAt, s.endsAt)} · {s.venue}
              </Typography.Text>
              <Flex gap={8} align="center" wrap justify="space-between">
                <span>
                  {mine && <RegistrationTag status={mine.status} text={mine.waitlistPosition ? t('trainingProjects.mobile.waitlisted', { n: mine.waitlistPosition }) : undefined} />}
                  {attended && <AttendanceTag state={attended.state} />}
                  {!mine && !over && <Typography.Text type="secondary">{left > 0 ? t('trainingProjects.mobile.seatsLeft', { n: left }) : t('trainingProjects.mobile.full')}</Typography.Text>}
                </span>
                {active && !over && !mine && !holdsPlace && (
                  <Button type="primary" size="small" loading={registration.isPending} onClick={() => void act(s.id, false)} data-testid="session-register">
                    {t('trainingProjects.mobile.register')}
                  </Button>
                )}
                {active && mine && !attended && new Date(s.startsAt).getTime() > Date.now() && (
                  <Popconfirm title={t('trainingProjects.mobile.cancelConfirm')} onConfirm={() => act(s.id, true)}>
                    <Button size="small" data-testid="session-cancel">
                      {t('trainingProjects.mobile.cancel')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
