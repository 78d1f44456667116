import * as fc from 'fast-check';
import { decode, encode, encodeBatch, HEADERS, type IncomingMessage } from './envelope';
import { aStoredEvent } from '../test/sample-events';

/** what a consumer receives for an encoded message: Buffers, as kafkajs hands them over */
const asReceived = (message: { key: string; value: string; headers: Record<string, string> }): IncomingMessage => ({
  key: Buffer.from(message.key),
  value: Buffer.from(message.value),
  headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)])),
});

describe('the Kafka envelope', () => {
  it('keys the message by stream and carries the required CloudEvents attributes and the previous position as headers, nothing more', () => {
    const event = aStoredEvent();
    const message = encode(event, '41');

    expect(message.key).toBe(event.streamId);
    expect(message.headers).toEqual({
      ce_id: event.eventId,
      ce_type: 'AttendanceRecorded',
      ce_source: 'cafeia-impact',
      ce_specversion: '1.0',
      cafeia_previous_position: '41',
    });
    expect(JSON.parse(message.value)).toMatchObject({ position: '42', metadata: { recordedAt: event.metadata.recordedAt, schemaVersion: 1, correlationId: event.metadata.correlationId } });
  });

  it('decodes the messages of the earlier envelope, whose headers repeated time, subject, position, schema version and correlation id', () => {
    const event = aStoredEvent();
    const earlier = encode(event, '41');
    const headers = {
      ...earlier.headers,
      ce_time: event.metadata.recordedAt,
      ce_subject: event.streamId,
      'content-type': 'application/json',
      cafeia_position: '42',
      cafeia_schema_version: '1',
      cafeia_correlation_id: event.metadata.correlationId,
    };
    expect(decode(asReceived({ ...earlier, headers }))).toEqual({ ok: true, event, previousPosition: '41' });
  });

  it('decodes what it encodes, event and previous position alike', () => {
    const event = aStoredEvent();
    expect(decode(asReceived(encode(event, '41')))).toEqual({ ok: true, event, previousPosition: '41' });
  });

  it('marks the first event of the log as having no previous position', () => {
    const message = encode(aStoredEvent({ position: '1' }), null);
    expect(message.headers).not.toHaveProperty(HEADERS.previousPosition);
    expect(decode(asReceived(message))).toMatchObject({ ok: true, previousPosition: null });
  });

  it('chains previous positions across a batch of the global log, even when positions are not contiguous', () => {
    const batch = ['100', '250', '251'].map((position) => aStoredEvent({ position }));
    const previous = encodeBatch(batch, '90').map((m) => m.headers[HEADERS.previousPosition]);
    expect(previous).toEqual(['90', '100', '250']);
  });

  it('decodes a message without headers from the value alone', () => {
    const event = aStoredEvent();
    expect(decode({ value: JSON.stringify(event) })).toEqual({ ok: true, event, previousPosition: null });
  });

  it('keeps only the fields of a stored event, dropping anything extra in the value', () => {
    const event = aStoredEvent();
    const decoded = decode({ value: JSON.stringify({ ...event, injected: 'x' }) });
    expect(decoded).toEqual({ ok: true, event, previousPosition: null });
  });

  describe('refuses, with a reason and without throwing,', () => {
    const valid = aStoredEvent();
    const withValue = (value: unknown): IncomingMessage => ({ value: JSON.stringify(value) });
    const withMetadata = (patch: Record<string, unknown>): IncomingMessage =>
      withValue({ ...valid, metadata: { ...valid.metadata, ...patch } });
    const validEncoded = encode(valid, '41');
    const withHeader = (name: string, value: string): IncomingMessage =>
      asReceived({ ...validEncoded, headers: { ...validEncoded.headers, [name]: value } });
    const text = JSON.stringify(valid);

    const cases: [string, IncomingMessage, RegExp][] = [
      ['a null value (tombstone)', { value: null }, /empty value/],
      ['an empty value', { value: Buffer.alloc(0) }, /empty value/],
      ['truncated JSON', { value: text.slice(0, text.length - 5) }, /not valid JSON/],
      ['bytes that are not JSON', { value: Buffer.from([0xff, 0xfe, 0x00, 0x01]) }, /not valid JSON/],
      ['a JSON array', withValue([valid]), /not a JSON object/],
      ['a JSON string', withValue('AttendanceRecorded'), /not a JSON object/],
      ['a JSON null', { value: 'null' }, /not a JSON object/],
      ['an eventId that is not a UUID', withValue({ ...valid, eventId: 'abc' }), /eventId/],
      ['a missing eventId', withValue({ ...valid, eventId: undefined }), /eventId/],
      ['a streamId without category', withValue({ ...valid, streamId: 'nocategory' }), /streamId/],
      ['a numeric streamId', withValue({ ...valid, streamId: 12 }), /streamId/],
      ['a negative streamVersion', withValue({ ...valid, streamVersion: -1 }), /streamVersion/],
      ['a fractional streamVersion', withValue({ ...valid, streamVersion: 1.5 }), /streamVersion/],
      ['a streamVersion as a string', withValue({ ...valid, streamVersion: '3' }), /streamVersion/],
      ['a numeric position', withValue({ ...valid, position: 42 }), /position/],
      ['a position with a leading zero', withValue({ ...valid, position: '042' }), /position/],
      ['a negative position', withValue({ ...valid, position: '-1' }), /position/],
      ['an unknown event type', withValue({ ...valid, type: 'CafeDemolished' }), /unknown event type/],
      ['a prototype property as type', withValue({ ...valid, type: 'toString' }), /unknown event type/],
      ['a numeric type', withValue({ ...valid, type: 7 }), /type must be a string/],
      ['data as an array', withValue({ ...valid, data: [] }), /data must be an object/],
      ['data as null', withValue({ ...valid, data: null }), /data must be an object/],
      ['a missing metadata', withValue({ ...valid, metadata: undefined }), /metadata must be an object/],
      ['an empty correlationId', withMetadata({ correlationId: '' }), /correlationId/],
      ['a missing causationId', withMetadata({ causationId: undefined }), /causationId/],
      ['a numeric causationId', withMetadata({ causationId: 1 }), /causationId/],
      ['an actor without role', withMetadata({ actor: { sub: 'x' } }), /actor/],
      ['a recordedAt that is not a date', withMetadata({ recordedAt: 'yesterday' }), /recordedAt/],
      ['a recordedAt without offset', withMetadata({ recordedAt: '2026-03-02T10:00:00' }), /recordedAt/],
      ['a schemaVersion of 0', withMetadata({ schemaVersion: 0 }), /schemaVersion/],
      ['a schemaVersion newer than known', withMetadata({ schemaVersion: 99 }), /newer than this consumer knows/],
      ['a chainHash that is not sha256 hex', withMetadata({ chainHash: 'xyz' }), /chainHash/],
      ['a key that is not the streamId', { ...asReceived(validEncoded), key: Buffer.from('cafe-other') }, /key differs/],
      ['a ce_id header that is not the eventId', withHeader('ce_id', '00000000-0000-4000-8000-000000000000'), /ce_id/],
      ['a ce_type header that is not the type', withHeader('ce_type', 'CafeCancelled'), /ce_type/],
      ['a position header that is not the position', withHeader('cafeia_position', '43'), /cafeia_position/],
      ['a previous position that is not a decimal', withHeader('cafeia_previous_position', 'x'), /previous_position/],
      ['a previous position after the event', withHeader('cafeia_previous_position', '42'), /before the event/],
    ];

    it.each(cases)('%s', (_name, message, reason) => {
      const result = decode(message);
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.reason).toMatch(reason);
    });
  });

  it('never throws, whatever the bytes, JSON or headers', () => {
    const anyHeaders = fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.uint8Array().map((a) => Buffer.from(a))));
    const anyValue = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.uint8Array().map((a) => Buffer.from(a)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      // near misses: a valid event with one field replaced by anything
      fc.tuple(fc.constantFrom(...Object.keys(aStoredEvent())), fc.jsonValue()).map(([field, v]) =>
        JSON.stringify({ ...aStoredEvent(), [field]: v }),
      ),
    );
    fc.assert(
      fc.property(anyValue, fc.option(fc.string()), anyHeaders, (value, key, headers) => {
        const result = decode({ value, key, headers });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
