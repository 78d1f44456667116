export * from './audit-report';
export { computeAuditReport, auditCutoff, recordedBy, type AuditInput, type AuditCutoff } from './compute-audit-report';
export { LATE_RECORDING_DAYS, UNREPORTED_AFTER_DAYS, PLAUSIBLE_ATTENDANCE } from './cafe-audit';
export { evidenceOf, recomputedChainHashes, type EvidenceEntry } from './evidence-digest';
export { verifyAudit, type AuditVerification } from './verify-audit';
export { renderAuditCsv, AUDIT_CSV_COLUMNS, CSV_SEPARATOR } from './audit-csv';
export { EventScanCafeDirectory, type CafeDirectory } from './cafe-directory';
export { loadAuditStreams, auditStreamIds, fundingParties, type AuditStreams } from './load-audit-streams';
