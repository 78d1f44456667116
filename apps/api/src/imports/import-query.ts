import { IMPORT_KINDS, type ImportKind } from '@cafeia/imports';
import { OneOf, Uuid } from '../http/dto-validators';

/** `POST /v1/imports?kind=…[&dryRun=true][&structureId=…]` */
export class ImportQuery {
  @OneOf(IMPORT_KINDS, 'what the file holds (coop_activities: La Coop de la médiation numérique’s activity export, as it is)')
  kind: ImportKind;

  @OneOf(['true', 'false'] as const, 'true: check every row and write nothing', { required: false, default: 'false' })
  dryRun?: 'true' | 'false';

  @Uuid('coop_activities only: the structure the workshops belong to', { required: false })
  structureId?: string;
}
