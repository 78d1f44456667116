import { Readable } from 'node:stream';
import { importedId } from '../ids/imported-id';
import { planImport } from './plan-import';

/** Rows made as they are read: the file never exists whole, in the spec or in the import. */
function attendanceCsv(rows: number): Readable {
  return Readable.from(
    (function* () {
      yield Buffer.from('\uFEFFréférence;référence du café;e-mail;téléphone;nom;participants anonymes\r\n');
      for (let start = 0; start < rows; start += 1000) {
        let block = '';
        for (let i = start; i < Math.min(rows, start + 1000); i++) block += `P-${i};C-${i % 400};personne${i}@example.org;;Personne ${i};\r\n`;
        yield Buffer.from(block);
      }
    })(),
  );
}

describe('a 100,000-row attendance file', () => {
  it('is checked row by row, streamed, every row accounted for', async () => {
    const plan = await planImport(attendanceCsv(100_000), { kind: 'attendance', importerKey: 'organizer-1' });
    let valid = 0;
    const sampled = new Map<number, unknown>();
    for await (const outcome of plan.outcomes) {
      if (outcome.status === 'valid') valid++;
      if (outcome.line === 2 || outcome.line === 50_001 || outcome.line === 100_001) sampled.set(outcome.line, outcome.status === 'valid' && outcome.requests[1]);
    }
    expect(valid).toBe(100_000);
    const cafe = (n: number) => importedId('cafes', `C-${n}`, 'organizer-1');
    expect(sampled.get(2)).toMatchObject({ cafeId: cafe(0), body: { attendees: [{ email: 'personne0@example.org' }] } });
    expect(sampled.get(50_001)).toMatchObject({ cafeId: cafe(49_999 % 400), body: { attendees: [{ email: 'personne49999@example.org' }] } });
    expect(sampled.get(100_001)).toMatchObject({ cafeId: cafe(99_999 % 400), body: { attendees: [{ email: 'personne99999@example.org' }] } });
  });
});
