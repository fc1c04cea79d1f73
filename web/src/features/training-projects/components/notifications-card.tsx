import { Badge, Button, Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../lib/session.ts';
import { useNotifications } from '../api/use-notifications.ts';
import { useReadNotification } from '../api/use-read-notification.ts';
import { dateTime } from './labels.tsx';

/** My messages (reminders, waitlist promotions), unread first in weight. */
export function NotificationsCard() {
  const { t } = useTranslation();
  const locale = useLocale();
  const notifications = useNotifications();
  const read = useReadNotification();
  const items = notifications.data?.items ?? [];
  return (
    <Card
      size="small"
      title={
        <Badge count={notifications.data?.unread ?? 0} offset={[12, 0]} data-testid="unread-count">
          {t('trainingProjects.mobile.notifications')}
        </Badge>
      }
      loading={notifications.isPending}
    >
      {items.length ? (
        <List
          size="small"
          dataSource={items.slice(0, 10)}
          renderItem={(n) => (
            <List.Item
              data-testid="notification"
              actions={n.readAt ? [] : [<Button key="read" size="small" type="link" onClick={() => read.mutate(n.id)}>{t('trainingProjects.mobile.markRead')}</Button>]}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.link ? <Link to={n.link}>{n.title[locale] ?? n.title['zh-CN']}</Link> : (n.title[locale] ?? n.title['zh-CN'])}</Typography.Text>}
                description={
                  <>
                    <div>{n.body[locale] ?? n.body['zh-CN']}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainingProjects.mobile.noNotifications')} />
      )}
    </Card>
  );
}
