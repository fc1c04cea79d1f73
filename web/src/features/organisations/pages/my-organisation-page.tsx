import { useActor } from '../../../lib/session.ts';
import { OrganisationDetails } from '../components/organisation-details.tsx';

/** /console/my-organisation — the record of the organisation the user acts for; its admin keeps the self-editable fields. */
export default function MyOrganisationPage() {
  const { activeMembership } = useActor();
  return <OrganisationDetails key={activeMembership.organisationId} id={activeMembership.organisationId} />;
}
