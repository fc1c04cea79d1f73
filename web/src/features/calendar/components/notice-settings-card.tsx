import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, InputNumber, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTICE_MIN_WORKING_DAYS_RANGE } from '@fulcrum/shared';
import { errorText } from '../../../lib/forms.ts';
import { useNoticeSettings } from '../api/use-notice-settings.ts';
import { useUpdateNoticeSettings } from '../api/use-update-notice-settings.ts';

/** The shortest public notice period: shown to departments, set by a system admin. */
export function NoticeSettingsCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useNoticeSettings();
  const update = useUpdateNoticeSettings();
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => {
    if (settings.data) setValue(settings.data.minWorkingDays);
  }, [settings.data]);

  return (
    <Card title={t('calendarAdmin.settings.title')} data-testid="notice-settings">
      {settings.error ? (
        <Alert type="error" showIcon title={errorText(t, settings.error)} />
      ) : !settings.data ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : editable ? (
        <Flex wrap gap={8} align="center">
          <Typography.Text>{t('calendarAdmin.settings.label')}</Typography.Text>
          <InputNumber
            min={NOTICE_MIN_WORKING_DAYS_RANGE.min}
            max={NOTICE_MIN_WORKING_DAYS_RANGE.max}
            precision={0}
            value={value}
            onChange={setValue}
            data-testid="notice-min-days"
          />
          <Button
            type="primary"
            loading={update.isPending}
            disabled={value === null || value === settings.data.minWorkingDays}
            data-testid="notice-min-days-save"
            onClick={async () => {
              if (value === null) return;
              try {
                await update.mutateAsync({ minWorkingDays: value });
                void message.success(t('calendarAdmin.settings.saved'));
              } catch (e) {
                void message.error(errorText(t, e));
              }
            }}
          >
            {t('calendarAdmin.settings.save')}
          </Button>
        </Flex>
      ) : (
        <Statistic value={settings.data.minWorkingDays} suffix={t('calendarAdmin.settings.unit')} />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        {t('calendarAdmin.settings.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
