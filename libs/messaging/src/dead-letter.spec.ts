import { decode } from './envelope';
import type { MessagePublisher, PublishableMessage } from './kafka-publisher';
import { publishDeadLetter } from './dead-letter';

describe('dead-lettering an undecodable message', () => {
  it('parks it on <topic>.dlq unchanged, saying where it came from and why', async () => {
    const sent: { topic: string; messages: PublishableMessage[] }[] = [];
    const publisher: MessagePublisher = { publish: async (topic, messages) => void sent.push({ topic, messages }) };
    const message = { key: Buffer.from('cafe-1'), value: Buffer.from('{"trunc'), headers: { ce_type: Buffer.from('X') } };
    const decoded = decode(message);
    if (decoded.ok) throw new Error('expected a refusal');

    await publishDeadLetter(publisher, { topic: 'cafeia.events', partition: 2, offset: '1234', message }, decoded.reason,
      new Date('2026-03-02T10:00:00Z'));

    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe('cafeia.events.dlq');
    expect(sent[0].messages[0]).toEqual({
      key: message.key,
      value: message.value,
      headers: {
        ce_type: Buffer.from('X'),
        cafeia_dlq_reason: 'value is not valid JSON',
        cafeia_dlq_original_topic: 'cafeia.events',
        cafeia_dlq_original_partition: '2',
        cafeia_dlq_original_offset: '1234',
        cafeia_dlq_failed_at: '2026-03-02T10:00:00.000Z',
      },
    });
  });
});
