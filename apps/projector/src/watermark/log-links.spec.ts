import { advance, LogLink, stillAhead, Watermark } from './log-links';

const link = (position: string, previous: string | null): LogLink => ({ position, previous, recordedAt: `at-${position}` });
const start: Watermark = { position: null, at: null, events: 0 };

describe('the applied-up-to watermark', () => {
  it('starts at the first event of the log and follows its chain', () => {
    const { watermark, passed } = advance(start, [link('10', null), link('25', '10'), link('31', '25')]);
    expect(watermark).toEqual({ position: '31', at: 'at-31', events: 3 });
    expect(passed.map((l) => l.position)).toEqual(['10', '25', '31']);
  });

  it('stops before a gap: an event applied from one partition cannot vouch for an earlier one still queued on another', () => {
    // 25 sits on a partition not consumed yet; 31 and 40 were applied from another partition
    const { watermark } = advance(start, [link('10', null), link('31', '25'), link('40', '31')]);
    expect(watermark.position).toBe('10');
  });

  it('jumps over a whole stretch once the missing event arrives, whatever order the links came in', () => {
    const first = advance(start, [link('40', '31'), link('10', null), link('31', '25')]);
    const second = advance(first.watermark, [link('40', '31'), link('31', '25'), link('25', '10')]);
    expect(second.watermark).toEqual({ position: '40', at: 'at-40', events: 4 });
  });

  it('claims nothing before the first event of the log arrived', () => {
    expect(advance(start, [link('25', '10'), link('31', '25')]).watermark).toEqual(start);
  });

  it('compares positions as numbers, not as text (EventStoreDB positions have varying lengths)', () => {
    const { watermark } = advance({ position: '999', at: 'x', events: 5 }, [link('1000', '999'), link('12', '9')]);
    expect(watermark.position).toBe('1000');
  });

  it('ignores links of redelivered events already behind the watermark', () => {
    const at31: Watermark = { position: '31', at: 'at-31', events: 3 };
    expect(advance(at31, [link('25', '10'), link('10', null)]).watermark).toEqual(at31);
    expect(stillAhead([link('25', '10'), link('40', '31')], '31').map((l) => l.position)).toEqual(['40']);
  });
});
