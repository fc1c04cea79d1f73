import { OrganisationRegistry } from '../components/organisation-registry.tsx';

/** /console/enterprises — the enterprises within the user's reach, searchable, filterable, exportable. */
export default function EnterpriseListPage() {
  return <OrganisationRegistry kind="enterprises" />;
}
