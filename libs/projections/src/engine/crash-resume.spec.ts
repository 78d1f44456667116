import { describeOnBothDialects } from '@cafeia/database/testing';
import { ProjectionEngine } from './projection-engine';
import { EventLog, on } from '../testing/event-log';
import { freshReadSide } from '../testing/read-side';

const history = () => {
  const log = new EventLog().add(on.structureRegistered('s1', '69266'), on.networkCreated('n1'), on.networkStructureAdded('n1', 's1'));
  for (let c = 0; c < 6; c += 1) {
    // recorded over six days, so that the figures as of a date have several days to get right
    log.recording(`2026-05-0${c + 1}T20:00:00Z`);
    log.add(on.cafeScheduled(`c${c}`, { structureId: 's1', communeCode: c % 2 ? '69381' : '13201', startsAt: `2026-05-0${c + 1}T10:00:00Z` }));
    for (let p = 0; p < 5; p += 1) log.add(on.attended(`c${c}`, `p${(p * c) % 7}`));
    log.add(on.headcount(`c${c}`, c));
  }
  return log.add(on.cafeRescheduled('c0', '2026-06-10T10:00:00Z', '2026-05-01T10:00:00Z', true), on.networkStructureRemoved('n1', 's1'), on.networkStructureAdded('n1', 's1'));
};

class Crash extends Error {}

describeOnBothDialects('a crash in the middle of a batch', (dialect) => {
  it.each(['cafes', 'participant_reach', 'territory_figures', 'reporting_by_start', 'reporting_totals', 'structures', 'network_members', 'network_people', 'asof_figures', 'asof_positions', 'projection_checkpoints'])(
    'after writing %s leaves nothing of the batch visible, and resuming gives the figures of a clean run',
    async (table) => {
      const log = history();
      const clean = await freshReadSide(dialect);
      await clean.apply(log, 10);

      const crashing = await freshReadSide(dialect);
      const [first, second, ...rest] = log.batches(10);
      await crashing.engine.apply(first);
      const before = await crashing.queries.figuresOf('nation');
      const faulty = new ProjectionEngine(crashing.db, crashing.territories, {
        afterWrite: (written) => {
          if (written === table) throw new Crash(`crash after ${written}`);
        },
      });
      await expect(faulty.apply(second)).rejects.toThrow(Crash);
      expect(await crashing.queries.figuresOf('nation')).toEqual(before);
      expect((await crashing.queries.position()).position).toBe(first.at(-1)!.position);

      // the consumer restarts: delivery resumes from the checkpoint (and may repeat what it had sent)
      for (const batch of [[...first, ...second], ...rest]) await crashing.engine.apply(batch);
      const keys = ['nation', 'region:84', 'region:93', 'commune:69123', 'commune:13055'];
      for (const key of keys) expect(await crashing.queries.figuresOf(key)).toEqual(await clean.queries.figuresOf(key));
      expect(await crashing.queries.timeline({ granularity: 'day', from: '2026-05-01', to: '2026-06-15' })).toEqual(
        await clean.queries.timeline({ granularity: 'day', from: '2026-05-01', to: '2026-06-15' }),
      );
      expect(await crashing.queries.structures({})).toEqual(await clean.queries.structures({}));
      expect(await crashing.queries.network('n1')).toEqual(await clean.queries.network('n1'));
      for (const date of ['2026-05-01', '2026-05-03', '2026-05-06']) expect(await crashing.queries.progressAsOf(date)).toEqual(await clean.queries.progressAsOf(date));
      expect(await crashing.queries.breakdown({ by: 'month' })).toEqual(await clean.queries.breakdown({ by: 'month' }));
    },
  );
});
