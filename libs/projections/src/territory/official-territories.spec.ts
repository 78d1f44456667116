import { describeOnBothDialects } from '@cafeia/database/testing';
import { Territories } from '@cafeia/territories';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';
import { ProjectionEngine } from '../engine/projection-engine';
import { ReadModelQueries } from '../queries/read-model-queries';
import type { TerritoryDirectory } from './territory-directory';

// the official reference is what production passes where tests use a small fake
const official: TerritoryDirectory = Territories.official();

describeOnBothDialects('figures with the official geographic reference', (dialect) => {
  it('count arrondissements toward their commune, and overseas cafés in their own region', async () => {
    const side = await freshReadSide(dialect);
    const engine = new ProjectionEngine(side.db, official);
    const queries = new ReadModelQueries(side.db, official, { target: 2_000_000, deadline: '2027-12-31', clock: () => new Date('2026-06-15T00:00:00Z') });
    const log = new EventLog().add(
      on.structureRegistered('s1', '69123'),
      on.cafeScheduled('lyon', { structureId: 's1', communeCode: '69381', startsAt: '2026-06-01T10:00:00Z' }),
      on.cafeScheduled('paris', { structureId: 's1', communeCode: '75104', startsAt: '2026-06-01T10:00:00Z' }),
      on.cafeScheduled('reunion', { structureId: 's1', communeCode: '97411', startsAt: '2026-06-01T10:00:00Z' }),
      ...['lyon', 'paris', 'reunion'].map((cafe) => on.attended(cafe, 'p1')),
    );
    await engine.apply(log.events);
    const lyon = await queries.territory('commune', '69123');
    expect(lyon).toMatchObject({ name: 'Lyon', figures: { distinctParticipants: 1, cafesHeld: 1 } });
    expect((await queries.territory('region', '84'))?.children.find((d) => d.code === '69')?.figures.cafesHeld).toBe(1);
    expect((await queries.figuresOf('region:04')).cafesHeld).toBe(1);
    expect(await queries.figuresOf('nation')).toMatchObject({ distinctParticipants: 1, cafesHeld: 3, shareOutsideParis: 2 / 3 });
    expect((await queries.territories('region', { pageSize: 500 })).total).toBe(official.all('region').length);
  });
});
