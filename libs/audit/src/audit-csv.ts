/**
 * The audit as CSV, one row per café, for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads the
 * accents of "Médiathèque" right), `;` between fields (Excel in French uses `,` as the decimal mark and
 * expects `;`; LibreOffice and Google Sheets detect it), CRLF line ends and RFC 4180 quoting.
 * Figures are the JSON report's, field names its names.
 */
import type { AuditReport } from './audit-report';

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

export const AUDIT_CSV_COLUMNS = [
  'fundingId',
  'structureId',
  'structureName',
  'cafeId',
  'title',
  'startsAt',
  'endsAt',
  'communeCode',
  'capacity',
  'status',
  'enrolled',
  'attendedNamed',
  'anonymous',
  'attendances',
  'anomalies',
] as const;

export function renderAuditCsv(report: AuditReport): string {
  const rows: string[] = [AUDIT_CSV_COLUMNS.join(CSV_SEPARATOR)];
  for (const structure of report.structures) {
    for (const cafe of structure.cafes) {
      rows.push(
        [
          report.funding.fundingId,
          structure.structureId,
          text(structure.name ?? ''),
          cafe.cafeId,
          text(cafe.title),
          cafe.startsAt,
          cafe.endsAt ?? '',
          cafe.communeCode,
          cafe.capacity === null ? '' : String(cafe.capacity),
          cafe.status,
          String(cafe.enrolled),
          String(cafe.attendedNamed),
          String(cafe.anonymous),
          String(cafe.attendances),
          cafe.anomalies.map((a) => a.code).join('|'),
        ]
          .map(quote)
          .join(CSV_SEPARATOR),
      );
    }
  }
  return BOM + rows.join('\r\n') + '\r\n';
}

/** free text typed by users: a leading = + - @ would run as a formula in a spreadsheet (CSV injection) */
const text = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const quote = (value: string): string => (/[";\r\n,]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
