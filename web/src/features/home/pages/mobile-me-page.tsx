import { Button, Card, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useActor } from '../../../lib/session.ts';
import { MembershipSwitcher, useLogout } from '../../../app/layouts/header-parts.tsx';
import { useProfile } from '../api/use-profile.ts';

/** "Me" on the phone: profile (ID masked), role switch, password, sign out. */
export default function MobileMePage() {
  const { t } = useTranslation();
  const session = useActor();
  const profile = useProfile();
  const navigate = useNavigate();
  const logout = useLogout();
  const person = profile.data?.person;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card loading={profile.isPending}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('login.username')}>{session.user.username}</Descriptions.Item>
          {person && <Descriptions.Item label={t('home.name')}>{person.name}</Descriptions.Item>}
          {person && <Descriptions.Item label={t('home.residentId')}>{person.residentIdMasked}</Descriptions.Item>}
        </Descriptions>
        <MembershipSwitcher compact />
      </Card>
      <Button block data-testid="me-learning" onClick={() => navigate('/m/learning')}>
        {t('nav.myLearning')}
      </Button>
      {session.activeMembership.role === 'employee' && (
        <Button block data-testid="me-competencies" onClick={() => navigate('/m/competencies')}>
          {t('nav.myCompetencies')}
        </Button>
      )}
      <Button block data-testid="me-certificates" onClick={() => navigate('/m/certificates')}>
        {t('nav.myCertificates')}
      </Button>
      <Button block onClick={() => navigate('/m/account/password')}>
        {t('header.changePassword')}
      </Button>
      <Button
        block
        danger
        data-testid="logout"
        onClick={() => void logout()}
      >
        {t('header.logout')}
      </Button>
    </Space>
  );
}
