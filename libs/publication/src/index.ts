/**
 * What the public sees, as pure functions: open data with small-cell suppression, the iCalendar
 * feed, schema.org JSON-LD, and rows of the national open schemas. No HTTP, no framework, no
 * database: the inputs are plain public shapes that hold no personal data.
 */
export * from './figures/territory-figures';
export { suppressFigures, hiddenCells, type SuppressionOptions } from './figures/suppress';
export { sumGroupsOf, cellKey, type SumGroup } from './figures/sum-groups';
export { linearDisclosures, determinedCells, DisclosureAudit, type Disclosure } from './figures/linear-disclosure';
export { figuresCsv, FIGURES_CSV_COLUMNS, MONTHLY_FIGURES_CSV_COLUMNS, SUPPRESSED_SEPARATOR } from './figures/figures-csv';
export {
  openDataPackage,
  ETALAB_LICENCE,
  MEDIATION_PLACES_SCHEMA_URL,
  SCDL_SUBVENTIONS_SCHEMA_URL,
  type DataPackageOptions,
} from './figures/data-package';
export { toCsv, formulaSafe, type CsvCell, type CsvOptions } from './csv/open-data-csv';
export type {
  PlaceName,
  PublicCafe,
  PublicCafeStatus,
  PublicAnimator,
  ListableAnimator,
  PublicTrainingStatus,
  PublicStructure,
  PublicFunding,
} from './public-shapes';
export { publicAnimators } from './agenda/public-animators';
export {
  DEFAULT_CAFE_DURATION_MINUTES,
  CALENDAR_LOOKBACK_DAYS,
  cafeEndsAt,
  inCalendarWindow,
} from './agenda/cafe-times';
export { cafesCalendar, DEFAULT_UID_DOMAIN, CALENDAR_PRODUCT_ID, type CalendarOptions } from './agenda/ical';
export { foldByOctets } from './agenda/fold-lines';
export { cafeEvent, jsonLdScript, type CafeEventOptions, type CafeEventJsonLd } from './agenda/json-ld';
export {
  mediationPlace,
  mediationPlacesCsv,
  missingMediationPlaceFields,
  MEDIATION_PLACE_FIELDS,
  MEDIATION_PLACE_REQUIRED,
  UNKNOWN_PIVOT,
  type MediationPlaceField,
  type MediationPlaceRow,
  type MediationPlaceOptions,
} from './schemas/mediation-place';
export {
  scdlSubventions,
  scdlSubventionsCsv,
  missingScdlSubventionFields,
  SCDL_SUBVENTION_FIELDS,
  SCDL_SUBVENTION_REQUIRED,
  DEFAULT_FUNDING_PURPOSE,
  type ScdlSubventionField,
  type ScdlSubventionRow,
} from './schemas/scdl-subvention';
