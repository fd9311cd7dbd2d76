import { AuditLogView } from '../../features/audit-log/components/audit-log-view';

export function PlatformAuditLogPage() {
  return (
    <>
      <title>Platform audit log · Keel</title>
      <AuditLogView log="platform" title="Platform audit log" description="Everything platform staff and the system did, newest first." />
    </>
  );
}
