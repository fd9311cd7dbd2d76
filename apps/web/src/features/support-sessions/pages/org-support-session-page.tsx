import { SupportSessionDetail } from '../components/support-session-detail';

/** One support session on the org, with every request staff made in it. */
export function OrgSupportSessionPage() {
  return <SupportSessionDetail where="tenant" />;
}
