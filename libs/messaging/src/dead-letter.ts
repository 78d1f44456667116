import type { MessagePublisher, PublishableMessage } from './kafka-publisher';

export const DEAD_LETTER_HEADERS = {
  reason: 'cafeia_dlq_reason',
  originalTopic: 'cafeia_dlq_original_topic',
  originalPartition: 'cafeia_dlq_original_partition',
  originalOffset: 'cafeia_dlq_original_offset',
  failedAt: 'cafeia_dlq_failed_at',
} as const;

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

export interface UndecodableMessage {
  topic: string;
  partition: number;
  offset: string;
  message: {
    key?: Buffer | string | null;
    value: Buffer | string | null;
    headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
  };
}

/**
 * Parks a message the consumer cannot decode on `<topic>.dlq`, byte for byte with its original
 * headers, plus headers saying where it came from and why it was refused. The consumer can then
 * commit past it instead of blocking its partition forever; an operator replays or discards it.
 */
export async function publishDeadLetter(
  publisher: MessagePublisher,
  undecodable: UndecodableMessage,
  reason: string,
  now: Date = new Date(),
): Promise<void> {
  const headers: Record<string, string | Buffer> = {};
  for (const [name, value] of Object.entries(undecodable.message.headers ?? {})) {
    if (value === undefined) continue;
    // kafkajs gives repeated headers as an array; keep the last, as the decoder does
    headers[name] = Array.isArray(value) ? value[value.length - 1] : value;
  }
  headers[DEAD_LETTER_HEADERS.reason] = reason.slice(0, 1000);
  headers[DEAD_LETTER_HEADERS.originalTopic] = undecodable.topic;
  headers[DEAD_LETTER_HEADERS.originalPartition] = String(undecodable.partition);
  headers[DEAD_LETTER_HEADERS.originalOffset] = undecodable.offset;
  headers[DEAD_LETTER_HEADERS.failedAt] = now.toISOString();
  const message: PublishableMessage = {
    key: undecodable.message.key ?? null,
    value: undecodable.message.value,
    headers,
  };
  await publisher.publish(deadLetterTopic(undecodable.topic), [message]);
}
