/** OpenAPI schemas of the audit's answers (the report is plain data computed by @cafeia/audit, not a DTO class). */
import { ANOMALY_CODES } from '@cafeia/audit';
import type { SchemaObject } from '@nestjs/swagger';

const integer: SchemaObject = { type: 'integer', minimum: 0 };
const nullableNumber: SchemaObject = { type: 'number', nullable: true };

const figures: SchemaObject = {
  type: 'object',
  description: 'API.md "Figures" over the report’s cafés; animator figures are always null in an audit',
  properties: {
    attendances: integer,
    distinctParticipants: integer,
    anonymousAttendees: integer,
    peopleReached: integer,
    cafesHeld: integer,
    cafesScheduled: integer,
    cafesCancelled: integer,
    structuresActive: integer,
    shareOutsideParis: nullableNumber,
    animatorsTrained: { type: 'integer', nullable: true, description: 'always null in an audit' },
    animatorsInTraining: { type: 'integer', nullable: true, description: 'always null in an audit' },
    shareTrainedCapable: { type: 'number', nullable: true, description: 'always null in an audit' },
  },
};

const anomaly: SchemaObject = {
  type: 'object',
  properties: {
    code: { type: 'string', enum: [...ANOMALY_CODES] },
    message: { type: 'string', example: '24 people attended (named and anonymous) but the café had room for 20.' },
    messageFr: { type: 'string', description: 'the same sentence in French', example: '24 présences (nominatives et anonymes) pour une capacité de 20 places.' },
    eventIds: { type: 'array', items: { type: 'string' }, description: 'the events that show it' },
  },
};

const cafe: SchemaObject = {
  type: 'object',
  properties: {
    cafeId: { type: 'string', format: 'uuid' },
    title: { type: 'string' },
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', format: 'date-time', nullable: true },
    communeCode: { type: 'string' },
    capacity: { type: 'integer', nullable: true },
    status: { type: 'string', enum: ['scheduled', 'held', 'cancelled'] },
    enrolled: integer,
    attendedNamed: integer,
    anonymous: integer,
    attendances: integer,
    anomalies: { type: 'array', items: anomaly },
  },
};

const target = (reached: string): SchemaObject => ({
  type: 'object',
  properties: { target: { type: 'integer', nullable: true }, [reached]: integer, progress: { ...nullableNumber, description: `${reached} ÷ target` } },
});

export const AUDIT_REPORT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    funding: {
      type: 'object',
      properties: {
        fundingId: { type: 'string', format: 'uuid' },
        funderId: { type: 'string', format: 'uuid' },
        structureIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
        amountEuros: nullableNumber,
        targets: { type: 'object', properties: { people: { type: 'integer', nullable: true }, cafes: { type: 'integer', nullable: true } } },
      },
    },
    funder: { type: 'object', nullable: true, properties: { funderId: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string', enum: ['public', 'private', 'csr'] } } },
    period: {
      type: 'object',
      description: 'a café is covered when startsAtFrom ≤ startsAt < startsAtBefore (the period’s days in Europe/Paris)',
      properties: {
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
        timeZone: { type: 'string', example: 'Europe/Paris' },
        startsAtFrom: { type: 'string', format: 'date-time' },
        startsAtBefore: { type: 'string', format: 'date-time' },
      },
    },
    asOf: {
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date', nullable: true, description: 'the asOf asked for' },
        at: { type: 'string', format: 'date-time', description: 'the "now" the report was computed at' },
        position: { type: 'string', nullable: true, description: 'highest global position among the events used' },
      },
    },
    structures: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          structureId: { type: 'string', format: 'uuid' },
          name: { type: 'string', nullable: true },
          communeCode: { type: 'string', nullable: true },
          cafes: { type: 'array', items: cafe },
          figures,
        },
      },
    },
    figures,
    targets: { type: 'object', properties: { people: target('reached'), cafes: target('held') } },
    anomalies: {
      type: 'array',
      items: { ...anomaly, properties: { ...anomaly.properties, structureId: { type: 'string' }, cafeId: { type: 'string' }, cafeTitle: { type: 'string' } } },
    },
    evidence: {
      type: 'object',
      properties: {
        events: { ...integer, description: 'how many events the report was computed from' },
        streams: integer,
        algorithm: { type: 'string', enum: ['sha256'] },
        digest: {
          type: 'string',
          description: 'sha256 hex of canonicalJson([{streamId, streamVersion, eventId, chainHash}]) of those events, sorted by stream then version',
        },
      },
    },
  },
};

export const AUDIT_VERIFICATION_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    verified: { type: 'boolean' },
    eventsChecked: integer,
    streamsChecked: integer,
    firstMismatch: {
      type: 'object',
      description: 'present when verified is false: the first event whose stored chain hash cannot be reproduced',
      properties: {
        eventId: { type: 'string' },
        streamId: { type: 'string' },
        streamVersion: integer,
        position: { type: 'string' },
        reason: { type: 'string', enum: ['chain_hash_mismatch', 'stream_version_gap'] },
      },
    },
  },
};
