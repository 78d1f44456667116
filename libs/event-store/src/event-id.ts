/**
 * Event ids: UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then randomness.
 * Time-ordered ids land at the right edge of the store's UNIQUE(event_id) index instead of at random
 * pages of it, which keeps bulk appends fast once the store holds millions of events. Ids generated
 * in one process are strictly increasing (a 12-bit counter orders those of the same millisecond).
 */
import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(8 * 1024);
let poolOffset = pool.length;
let lastMs = -1;
let counter = 0;

export function newEventId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // more than 4096 ids in one millisecond: borrow the next millisecond to stay ordered
    lastMs++;
    counter = 0;
  }
  if (poolOffset + 8 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const random = pool.subarray(poolOffset, poolOffset + 8);
  poolOffset += 8;

  const time = lastMs.toString(16).padStart(12, '0');
  const randA = (0x7000 | counter).toString(16);
  const variant = ((random[0] & 0x3f) | 0x80).toString(16).padStart(2, '0');
  const rest = random.subarray(1).toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8)}-${randA}-${variant}${rest.slice(0, 2)}-${rest.slice(2)}`;
}
