/** The audit log for auditors (issue 12; being built). */
export function AuditLogPage() {
  return null;
}
