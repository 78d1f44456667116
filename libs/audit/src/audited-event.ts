import { decodeKnown, type DomainEvent } from '@cafeia/domain';
import type { StoredEvent } from '@cafeia/event-store';

/** A stored event read in its current shape, with the instant it was recorded. */
export interface AuditedEvent {
  stored: StoredEvent;
  event: DomainEvent;
  recordedAtMs: number;
}

export const audited = (stored: StoredEvent): AuditedEvent => ({
  stored,
  event: decodeKnown(stored),
  recordedAtMs: Date.parse(stored.metadata.recordedAt),
});
