import { randomUUID } from 'node:crypto';
import type { NewEvent, StoredEvent } from '@cafeia/event-store';

export const aStoredEvent = (overrides: Partial<StoredEvent> = {}): StoredEvent => ({
  eventId: '0b6b0c0e-7d2a-4c4f-9a51-2f3f1d8e9a10',
  streamId: 'cafe-5f0b8c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e',
  streamVersion: 3,
  position: '42',
  type: 'AttendanceRecorded',
  data: { cafeId: '5f0b8c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e', participantId: 'p-1', at: '2026-03-02T10:00:00.000Z' },
  metadata: {
    correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    causationId: null,
    actor: { sub: 'organizer-1', role: 'organizer' },
    recordedAt: '2026-03-02T10:00:01.000+01:00',
    schemaVersion: 1,
    chainHash: 'a'.repeat(64),
  },
  ...overrides,
});

export const aNewEvent = (type = 'CafeRescheduled', data: Record<string, unknown> = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  metadata: {
    correlationId: randomUUID(),
    causationId: null,
    actor: { sub: 'test', role: 'council' },
    recordedAt: '2026-03-02T10:00:00.000Z',
  },
});
