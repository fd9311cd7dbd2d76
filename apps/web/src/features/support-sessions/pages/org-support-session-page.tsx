import { SupportSessionView } from '../components/support-session-view';

/** One support session on the org, with every request staff made in it. */
export function OrgSupportSessionPage() {
  return <SupportSessionView where="tenant" />;
}
