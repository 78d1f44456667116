import { accessReadModel } from './access/access.read-model';
import { animatorsReadModel } from './animators/animators.read-model';
import { asOfReadModel } from './asof/asof.read-model';
import { cafesReadModel } from './cafes/cafes.read-model';
import type { ReadModel } from './engine/read-model';
import { figuresReadModel } from './figures/figures.read-model';
import { fundingsReadModel } from './fundings/fundings.read-model';
import { publicAgendaReadModel } from './public-agenda/public-agenda.read-model';
import { participantActivityReadModel } from './participant-activity/participant-activity.read-model';
import { networksReadModel } from './networks/networks.read-model';
import { reachReadModel } from './reach/reach.read-model';
import { reportingReadModel } from './reporting/reporting.read-model';
import { structuresReadModel } from './structures/structures.read-model';
import { targetsReadModel } from './targets/targets.read-model';

/**
 * Every read model this library maintains, applied together in one transaction per batch with one checkpoint.
 * A new read model is a folder exporting a `ReadModel`, added here (and its tables to `ReadModelDb`).
 */
export const READ_MODEL_SET: readonly ReadModel<any>[] = [
  cafesReadModel,
  reachReadModel,
  figuresReadModel,
  reportingReadModel,
  structuresReadModel,
  animatorsReadModel,
  targetsReadModel,
  fundingsReadModel,
  accessReadModel,
  publicAgendaReadModel,
  participantActivityReadModel,
  // after the cafés and reach read models: it reads the cafés and attendees they write (see NetworkPeople)
  networksReadModel,
  asOfReadModel,
];
