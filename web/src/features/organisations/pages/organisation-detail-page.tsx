import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { OrganisationDetails } from '../components/organisation-details.tsx';

/** /console/enterprises/:id and /console/organisations/:id — one record, with a way back to the list it came from. */
export default function OrganisationDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { pathname } = useLocation();
  const fromEnterprises = pathname.startsWith('/console/enterprises/');
  const backTo = fromEnterprises
    ? { path: '/console/enterprises', label: t('organisations.detail.backToEnterprises') }
    : { path: '/console/organisations', label: t('organisations.detail.backToOrganisations') };
  return <OrganisationDetails key={id} id={id ?? ''} backTo={backTo} />;
}
