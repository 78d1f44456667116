import type { ReadModelDb } from '@cafeia/projections';
import type { Kysely } from 'kysely';
import type { CafeDirectory } from '@cafeia/audit';

export { CAFE_DIRECTORY } from '../audit/audit.tokens';

/** Which cafés belong to which structures: the index an audit starts from (then it reads their streams). */
export class ReadModelCafeDirectory implements CafeDirectory {
  constructor(private readonly db: () => Kysely<ReadModelDb>) {}

  async cafeIdsOfStructures(structureIds: string[]): Promise<string[]> {
    if (structureIds.length === 0) return [];
    const rows = await this.db().selectFrom('cafes').select('cafe_id').where('structure_id', 'in', structureIds).orderBy('cafe_id').execute();
    return rows.map((r) => r.cafe_id);
  }
}
