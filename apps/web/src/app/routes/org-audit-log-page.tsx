import { AuditLogView } from '../../features/audit-log/components/audit-log-view';

export function OrgAuditLogPage() {
  return (
    <>
      <title>Audit log · Keel</title>
      <AuditLogView
        log="org"
        title="Audit log"
        description="Everything that happened in your organization, newest first. What Keel's platform staff did is marked Platform Support."
      />
    </>
  );
}
