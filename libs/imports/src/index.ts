/**
 * The spreadsheet-import core: kinds and columns, readers for CSV and XLSX (hostile files refused
 * with a status and a French message), row checks, ids derived from the rows, the API requests
 * each row becomes, and the templates. Pure of any framework and of any store: the integrator
 * runs the requests through the API's command pipeline.
 */
export { IMPORT_KINDS, TEMPLATE_KINDS, KIND_LABELS, isImportKind, isTemplateKind, type ImportKind, type TemplateKind } from './kinds/import-kind';
export { KIND_SPECS, columnNames, type ColumnSpec, type KindSpec } from './kinds/columns';
export { normalizeLabel } from './kinds/normalize-label';
export { columnOf, findHeader, headerProblem, type ResolvedHeader } from './kinds/header-matching';

export { ImportFileError, FILE_PROBLEMS, isImportFileError, type FileProblem, type FileProblemDetails, type FileProblemStatus, type RowError } from './errors';
export { DEFAULT_LIMITS, withDefaults, type ImportLimits } from './limits';

export type { ImportInput } from './reading/byte-source';
export { openTable, type OpenedTable, type RawRow } from './reading/open-table';
export type { TextEncoding } from './reading/text-decoding';
export type { Delimiter } from './reading/delimiter';

export { parseInstant, parseCalendarDay, type CalendarDay } from './values/instants';
export { fromParisWallClock, parisWallClock, toParisIso, type WallClock } from '@cafeia/paris-time';
export { parseBoolean, parseStructureKind, parseTrainingStatus, STRUCTURE_KIND_LABELS, TRAINING_STATUS_LABELS, TRUE_WORDS, FALSE_WORDS } from './values/enumerations';
export { parseCommuneCode, parseSiret, parseUuid, parseWholeNumber } from './values/cells';
export type { Parsed } from './values/parsed';

export { importedId, type IdentifiedKind } from './ids/imported-id';
export type { CheckContext } from './rows/check-context';
export type { AnimatorRow, AttendanceRow, Attendee, CafeRow, CoopActivityRow, ImportRow, RowCheck, StructureRow } from './rows/row-types';
export { checkStructureRow } from './rows/check-structure';
export { checkAnimatorRow } from './rows/check-animator';
export { checkCafeRow } from './rows/check-cafe';
export { checkAttendanceRow } from './rows/check-attendance';
export { checkCoopActivityRow, COOP_AI_THEME, COOP_COLLECTIVE, COOP_DEFAULT_HOUR, COOP_REMOTE } from './coop/check-coop-activity';
export { communeFromPlace } from './coop/commune-from-place';

export { toApiRequests, type ApiRequest } from './requests/api-requests';
export { trainingStepsToReach, type TrainingSteps } from './requests/training-steps';

export { planImport, type ImportOptions, type ImportPlan, type RowOutcome } from './plan/plan-import';
export { checkImport, type ImportCheckReport } from './plan/check-import';

export { templateCsv, templateFileName } from './templates/template-csv';
export { templateXlsx } from './templates/template-xlsx';
