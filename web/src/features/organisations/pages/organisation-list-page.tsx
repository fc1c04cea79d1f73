import { OrganisationRegistry } from '../components/organisation-registry.tsx';

/** /console/organisations — every kind of organisation within the user's reach, with a type filter. */
export default function OrganisationListPage() {
  return <OrganisationRegistry kind="organisations" />;
}
