import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { CertificatesTab } from '../components/certificates-tab.tsx';
import { RulesTab } from '../components/rules-tab.tsx';
import '../i18n.ts';

const tabs = ['rules', 'certificates'] as const;
type Tab = (typeof tabs)[number];

/** /console/learning/certificates/:tab? — the organisation's certificate rules and the certificates they issued. */
export default function CertificateAdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab: tabParam } = useParams();
  const tab: Tab = tabs.find((v) => v === tabParam) ?? 'rules';
  const content: Record<Tab, React.ReactNode> = { rules: <RulesTab />, certificates: <CertificatesTab /> };
  return (
    <div data-testid="certificate-admin-page">
      <PageHeader title={t('learningCertificates.admin.title')} subTitle={t('learningCertificates.admin.subTitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => navigate(`/console/learning/certificates/${key}`)}
          destroyOnHidden
          items={tabs.map((key) => ({ key, label: <span data-testid={`certificates-tab-${key}`}>{t(`learningCertificates.admin.tabs.${key}`)}</span>, children: content[key] }))}
        />
      </Card>
    </div>
  );
}
