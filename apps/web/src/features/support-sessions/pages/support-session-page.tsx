import { SupportSessionDetail } from '../components/support-session-detail';

/** One support session in the support console: details, timing, access log, Revoke. */
export function SupportSessionPage() {
  return <SupportSessionDetail where="support" />;
}
