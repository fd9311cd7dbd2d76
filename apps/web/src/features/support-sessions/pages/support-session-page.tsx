import { SupportSessionView } from '../components/support-session-view';

/** One support session in the support console: details, timing, access log, Revoke. */
export function SupportSessionPage() {
  return <SupportSessionView where="support" />;
}
