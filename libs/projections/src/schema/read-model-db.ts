/**
 * Kysely table types of the read models, assembled from each read model's folder. Booleans are stored as 0/1
 * integers and instants as epoch milliseconds (bigint) next to the ISO text as given, so that the same SQL
 * compares and sorts identically on SQLite and PostgreSQL (no collation or timezone surprises).
 */
import type { AccessTables } from '../access/access.tables';
import type { AnimatorsTables } from '../animators/animators.tables';
import type { AsOfTables } from '../asof/asof.tables';
import type { CafesTables } from '../cafes/cafes.tables';
import type { CheckpointsTables } from '../engine/checkpoints';
import type { FiguresTables } from '../figures/figures.tables';
import type { FundingsTables } from '../fundings/fundings.tables';
import type { NetworksTables } from '../networks/networks.tables';
import type { ReachTables } from '../reach/reach.tables';
import type { ReportingTables } from '../reporting/reporting.tables';
import type { StructuresTables } from '../structures/structures.tables';
import type { TargetsTables } from '../targets/targets.tables';
import type { PublicAgendaTables } from '../public-agenda/public-agenda.tables';
import type { ParticipantActivityTables } from '../participant-activity/participant-activity.tables';

export type { CheckpointTable } from '../engine/checkpoints';
export type { CafeTable } from '../cafes/cafes.tables';
export type { CafeAttendeeTable, ParticipantReachTable } from '../reach/reach.tables';
export type { TerritoryFiguresTable, ReachByStartTable, StructureTerritoryTable } from '../figures/figures.tables';
export type { StructureTable } from '../structures/structures.tables';
export type { AnimatorTable } from '../animators/animators.tables';
export type { TerritoryTargetTable } from '../targets/targets.tables';
export type { FunderTable, FundingTable, FundingStructureTable } from '../fundings/fundings.tables';
export type { ReportingByStartTable } from '../reporting/reporting.tables';
export type { NetworkTable, NetworkMemberTable, NetworkPersonTable } from '../networks/networks.tables';
export type * from '../asof/asof.tables';

export type { PublicCafeTable, PublicStructureTable, PublicAnimatorTable } from '../public-agenda/public-agenda.tables';

export type ReadModelDb = CheckpointsTables & CafesTables & ReachTables & FiguresTables & StructuresTables & AnimatorsTables & TargetsTables & FundingsTables & AccessTables & PublicAgendaTables & ParticipantActivityTables & ReportingTables & NetworksTables & AsOfTables;
