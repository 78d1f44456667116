import { newEventId } from './event-id';

describe('newEventId', () => {
  it('is a version 7 UUID carrying the millisecond it was made in', () => {
    const id = newEventId(Date.UTC(2026, 0, 15, 10, 0, 0, 123));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 0, 15, 10, 0, 0, 123));
  });

  it('orders ids made in one process strictly, even thousands within one millisecond', () => {
    const now = Date.UTC(2030, 0, 1); // later than any id made before in this test run
    const ids = Array.from({ length: 10_000 }, () => newEventId(now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
