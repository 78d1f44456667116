/** Reads, through the EventStore port, every stream an audit may be computed from: always full streams. */
import { decodeKnown, streams as streamNames } from '@cafeia/domain';
import type { EventStore, StoredEvent } from '@cafeia/event-store';
import type { CafeDirectory } from './cafe-directory';

export interface AuditStreams {
  funding: StoredEvent[];
  funder: StoredEvent[];
  structures: StoredEvent[][];
  cafes: StoredEvent[][];
}

/** Who granted the funding and every structure it ever supported (whatever asOf), from its full stream. */
export function fundingParties(funding: readonly StoredEvent[]): { funderId: string; structureIds: string[] } | null {
  let parties: { funderId: string; structureIds: string[] } | null = null;
  for (const stored of funding) {
    const event = decodeKnown(stored);
    if (event.type === 'FundingGranted' && parties === null) parties = { funderId: event.data.funderId, structureIds: [...event.data.structureIds] };
    if (event.type === 'FundingStructureAdded' && parties !== null && !parties.structureIds.includes(event.data.structureId)) {
      parties.structureIds.push(event.data.structureId);
    }
  }
  return parties;
}

/** `null` when the funding stream is empty or holds no grant */
export async function loadAuditStreams(
  store: Pick<EventStore, 'readStream'>,
  directory: CafeDirectory,
  fundingId: string,
): Promise<AuditStreams | null> {
  const funding = await store.readStream(streamNames.funding(fundingId));
  const parties = fundingParties(funding);
  if (parties === null) return null;
  const cafeIds = [...new Set(await directory.cafeIdsOfStructures(parties.structureIds))].sort();
  const [funder, structures, cafes] = await Promise.all([
    store.readStream(streamNames.funder(parties.funderId)),
    readStreams(store, parties.structureIds.map(streamNames.structure)),
    readStreams(store, cafeIds.map(streamNames.cafe)),
  ]);
  return { funding, funder, structures, cafes };
}

/** the ids of every stream behind the report, in a stable order (funding, funder, structures, cafés) */
export function auditStreamIds(fundingId: string, loaded: AuditStreams): string[] {
  const parties = fundingParties(loaded.funding);
  const ids = [streamNames.funding(fundingId)];
  if (parties !== null) ids.push(streamNames.funder(parties.funderId), ...parties.structureIds.map(streamNames.structure));
  for (const stream of loaded.cafes) if (stream.length > 0) ids.push(stream[0].streamId);
  return [...new Set(ids)];
}

const PARALLEL_READS = 16;

async function readStreams(store: Pick<EventStore, 'readStream'>, ids: string[]): Promise<StoredEvent[][]> {
  const out: StoredEvent[][] = [];
  // a bounded number of reads in flight: the EventStoreDB adapter is a network client
  for (let i = 0; i < ids.length; i += PARALLEL_READS) {
    out.push(...(await Promise.all(ids.slice(i, i + PARALLEL_READS).map((id) => store.readStream(id)))));
  }
  return out;
}
