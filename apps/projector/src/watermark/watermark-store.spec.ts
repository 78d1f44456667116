import { describeOnBothDialects } from '@cafeia/database/testing';
import { freshReadSide } from '@cafeia/projections/testing';
import type { LogLink } from './log-links';
import { WatermarkStore } from './watermark-store';

const link = (position: number | string, previous: number | string | null): LogLink => ({
  position: String(position),
  previous: previous === null ? null : String(previous),
  recordedAt: `at-${position}`,
});

describeOnBothDialects('the applied-up-to watermark in the read-model database', (dialect) => {
  let watermark: WatermarkStore;

  beforeEach(async () => {
    const side = await freshReadSide(dialect, { engine: { writers: 'shared' } });
    watermark = new WatermarkStore(side.db);
    await watermark.ensureTable();
  });

  it('starts at the first event of the log and follows its chain, forgetting the links it passed', async () => {
    expect(await watermark.record([link(10, null), link(25, 10), link(31, 25)])).toEqual({ position: '31', at: 'at-31', events: 3 });
    expect(await watermark.read()).toEqual({ position: '31', at: 'at-31', events: 3 });
    expect(await watermark.pending()).toBe(0);
  });

  it('stops before a gap, keeps the links past it, and jumps over the whole stretch once the missing event arrives', async () => {
    expect((await watermark.record([link(40, 31)])).position).toBeNull();
    expect((await watermark.record([link(10, null)])).position).toBe('10');
    expect((await watermark.record([link(31, 25)])).position).toBe('10');
    expect(await watermark.pending()).toBe(2);

    expect(await watermark.record([link(25, 10)])).toEqual({ position: '40', at: 'at-40', events: 4 });
    expect(await watermark.pending()).toBe(0);
  });

  it('compares positions as numbers (EventStoreDB positions have varying lengths) and ignores links behind it', async () => {
    await watermark.record([link(999, null)]);
    expect(await watermark.record([link(1000, 999), link(12, 9)])).toMatchObject({ position: '1000', events: 2 });
    // redelivered events: their links are behind the watermark and change nothing
    expect(await watermark.record([link(999, null), link(1000, 999)])).toMatchObject({ position: '1000', events: 2 });
    expect(await watermark.pending()).toBe(0);
  });

  it('walks a long chain in one step when the event that opened the gap arrives last', async () => {
    const chain = Array.from({ length: 5_000 }, (_, i) => link(i + 1, i === 0 ? null : i));
    // the other partitions' events arrive first, in batches, out of order
    for (let end = chain.length; end > 1; end -= 1_500) {
      expect((await watermark.record(chain.slice(Math.max(1, end - 1_500), end))).position).toBeNull();
    }
    expect(await watermark.pending()).toBe(4_999);
    expect(await watermark.record([chain[0]])).toEqual({ position: '5000', at: 'at-5000', events: 5_000 });
    expect(await watermark.pending()).toBe(0);
  });
});
