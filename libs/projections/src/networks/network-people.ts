import { CompiledQuery, type Kysely } from 'kysely';
import { chunkRows, databaseKind, maxParameters, maxRowsPerStatement } from '@cafeia/database';
import { scopeMatchesCafe, selectPerScope } from './network-scopes';

/**
 * Keeps `network_people` equal to its definition — (network, scope, person) is there iff the person attended a café
 * of a current member of the network, in that scope — for exactly the pairs a batch can change:
 *  - a structure that left a network: its people are re-checked against the remaining members' cafés;
 *  - a structure that joined: its people are added (its whole history comes in);
 *  - an attendance: the person is added to every network of the café's structure.
 * Adds are `on conflict do nothing` (a set), so order and repetition do not matter; removals run first and look
 * at the stored attendances with the final membership, so a person added by this batch is never removed by it.
 */
export class NetworkPeople {
  private readonly postgres: boolean;

  constructor(private readonly db: Kysely<any>) {
    this.postgres = databaseKind(db) === 'postgres';
  }

  private run(text: string, parameters: unknown[]): Promise<unknown> {
    let i = 0;
    const compiled = this.postgres ? text.replace(/\?/g, () => `$${++i}`) : text;
    return this.db.executeQuery(CompiledQuery.raw(compiled, parameters));
  }

  /** the structure left the network (membership already written): drop the people no other member's café keeps */
  async structureLeft(networkId: string, structureId: string): Promise<void> {
    await this.run(
      `delete from network_people where network_id = ?` +
        ` and participant_id in (select a.participant_id from cafe_attendees a join cafes c on c.cafe_id = a.cafe_id where c.structure_id = ?)` +
        ` and not exists (select 1 from cafe_attendees a2 join cafes c2 on c2.cafe_id = a2.cafe_id` +
        ` join network_members m on m.structure_id = c2.structure_id` +
        ` where m.network_id = network_people.network_id and a2.participant_id = network_people.participant_id` +
        ` and ${scopeMatchesCafe('network_people.scope', 'c2')})`,
      [networkId, structureId],
    );
  }

  /** the structure joined the network: everyone who attended one of its cafés, in every scope */
  async structureJoined(networkId: string, structureId: string): Promise<void> {
    const from = 'cafe_attendees a join cafes c on c.cafe_id = a.cafe_id';
    const perScope = selectPerScope('cast(? as text) as network_id', 'a.participant_id', from, 'c.structure_id = ?', 'c');
    const arms = perScope.split(' union ').length;
    await this.run(
      `insert into network_people (network_id, scope, participant_id) select * from (${perScope}) s where true on conflict do nothing`,
      Array.from({ length: arms }, () => [networkId, structureId]).flat(),
    );
  }

  /** attendances [structureId, scope, participantId]: added to every network the structure belongs to */
  async attended(rows: [string, string, string][]): Promise<void> {
    for (const chunk of chunkRows(rows, 3, maxParameters(this.db), maxRowsPerStatement(this.db))) {
      const values = chunk.map(() => '(cast(? as text), cast(? as text), cast(? as text))').join(', ');
      await this.run(
        `insert into network_people (network_id, scope, participant_id)` +
          ` select distinct m.network_id, v.column2, v.column3 from (values ${values}) v join network_members m on m.structure_id = v.column1` +
          ` where true on conflict do nothing`,
        chunk.flat(),
      );
    }
  }
}
