/** `GET …/audit/verify`: recompute the tamper-evidence chain of every stream behind a report. */
import { verifyStreamChain, type ChainMismatch, type EventStore } from '@cafeia/event-store';

export interface AuditVerification {
  verified: boolean;
  eventsChecked: number;
  /** streams holding at least one event */
  streamsChecked: number;
  /** the first event (in the order funding, funder, structures, cafés) whose stored hash cannot be reproduced */
  firstMismatch?: ChainMismatch;
}

/**
 * Reads each stream in full (never filtered by asOf: an edit anywhere in a stream breaks every later
 * hash, so the whole chain is what proves the part a report used) and stops at the first mismatch.
 */
export async function verifyAudit(store: Pick<EventStore, 'readStream'>, streamIds: readonly string[]): Promise<AuditVerification> {
  let eventsChecked = 0;
  let streamsChecked = 0;
  for (const streamId of new Set(streamIds)) {
    const result = verifyStreamChain(await store.readStream(streamId));
    eventsChecked += result.eventsChecked;
    streamsChecked += result.streamsChecked;
    if (!result.ok) return { verified: false, eventsChecked, streamsChecked, firstMismatch: result.firstMismatch };
  }
  return { verified: true, eventsChecked, streamsChecked };
}
