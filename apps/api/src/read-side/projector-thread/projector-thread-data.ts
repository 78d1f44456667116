/** what the API hands its projector thread */
export interface ProjectorThreadData {
  eventStoreFile: string;
  catalog: { kind: 'sqlite'; dir: string } | { kind: 'postgres'; url: string };
  batchSize: number;
  retireAfterMs: number;
  /** lets a few milliseconds of writes gather into one batch once live */
  liveLingerMs: number;
  /** how often the event store's WAL is copied back into its file */
  checkpointEveryMs: number;
}
