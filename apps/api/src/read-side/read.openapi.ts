/**
 * OpenAPI schemas of the read answers (plain data computed by @cafeia/projections, not DTO classes): what API.md
 * promises, each field typed. Objects stay open (no additionalProperties: false): reads may add fields.
 */
import type { SchemaObject } from '@nestjs/swagger';
import { TERRITORY_LEVELS } from '@cafeia/territories';
import { CAFE_STATUSES } from '../cafes/cafes.query';
import { TIMELINE_GRANULARITIES } from '../progress/timeline.query';

const count: SchemaObject = { type: 'integer', minimum: 0 };
const share: SchemaObject = { type: 'number', minimum: 0, maximum: 1, nullable: true };
const text: SchemaObject = { type: 'string' };
const nullableText: SchemaObject = { type: 'string', nullable: true };
const uuid: SchemaObject = { type: 'string', format: 'uuid' };
const instant: SchemaObject = { type: 'string', description: 'ISO 8601 instant' };
const date: SchemaObject = { type: 'string', format: 'date' };
const TRAINING_STATUSES = ['none', 'enrolled', 'completed', 'dropped'];

const object = (properties: Record<string, SchemaObject>, description?: string): SchemaObject => ({
  type: 'object',
  description,
  required: Object.keys(properties),
  properties,
});

export const FIGURES_SCHEMA = object(
  {
    attendances: count,
    distinctParticipants: count,
    anonymousAttendees: count,
    peopleReached: count,
    cafesHeld: count,
    cafesScheduled: count,
    cafesCancelled: count,
    structuresActive: count,
    shareOutsideParis: share,
    animatorsTrained: count,
    animatorsInTraining: count,
    shareTrainedCapable: share,
  },
  'API.md "Figures"',
);

const AS_OF = object(
  { position: { type: 'string', description: 'the last event the answer reflects' }, at: { ...instant, nullable: true } },
  'how fresh the answer is (also in X-Read-Model-Position)',
);

const withAsOf = (schema: SchemaObject): SchemaObject => ({
  ...schema,
  required: [...(schema.required ?? []), 'asOf'],
  properties: { ...schema.properties, asOf: AS_OF },
});

const page = (item: SchemaObject): SchemaObject =>
  withAsOf(object({ items: { type: 'array', items: item }, page: { type: 'integer', minimum: 1 }, pageSize: { type: 'integer', minimum: 1, maximum: 500 }, total: count }));

const PLACE = object({ commune: nullableText, department: nullableText, region: nullableText }, 'the commune, department and region it counts toward');

const CAFE = object({
  id: uuid,
  structureId: uuid,
  title: text,
  format: text,
  startsAt: instant,
  endsAt: { ...instant, nullable: true },
  communeCode: text,
  territory: PLACE,
  status: { type: 'string', enum: [...CAFE_STATUSES] },
  capacity: { type: 'integer', minimum: 1, nullable: true },
  audience: nullableText,
  online: { type: 'boolean' },
  animatorIds: { type: 'array', items: uuid },
  enrolled: count,
  attendedNamed: count,
  anonymous: count,
  attendances: count,
});

const STRUCTURE = object({
  id: uuid,
  name: text,
  kind: text,
  communeCode: text,
  siret: nullableText,
  territory: PLACE,
  cafesHeld: count,
  peopleReached: count,
  lastCafeAt: { ...instant, nullable: true },
});

const ANIMATOR = object({
  id: uuid,
  displayName: text,
  communeCode: text,
  structureId: { ...uuid, nullable: true },
  territory: PLACE,
  trainingStatus: { type: 'string', enum: TRAINING_STATUSES },
});

export const PROGRESS_SCHEMA = withAsOf(
  object({
    figures: FIGURES_SCHEMA,
    target: count,
    deadline: date,
    progress: { type: 'number', minimum: 0 },
    pacePerDay: { type: 'number' },
    projectedAtDeadline: { type: 'number' },
    requiredPacePerDay: { type: 'number', nullable: true },
    onTrack: { type: 'boolean' },
  }),
);

export const TIMELINE_SCHEMA = withAsOf(
  object({
    granularity: { type: 'string', enum: [...TIMELINE_GRANULARITIES] },
    from: date,
    to: date,
    buckets: {
      type: 'array',
      items: object({ start: date, end: date, attendances: count, anonymousAttendees: count, newPeopleReached: count, cafesHeld: count, peopleReached: count }),
    },
  }),
);

const TERRITORY_FIGURES = { code: text, name: text, figures: FIGURES_SCHEMA };

export const TERRITORY_SCHEMA = withAsOf(
  object({
    ...TERRITORY_FIGURES,
    level: { type: 'string', enum: [...TERRITORY_LEVELS] },
    target: count,
    progress: { type: 'number', minimum: 0 },
    children: { type: 'array', items: object(TERRITORY_FIGURES) },
    upcomingCafes: { type: 'array', items: CAFE },
    topStructures: { type: 'array', items: STRUCTURE },
  }),
);

export const TERRITORIES_SCHEMA = page(
  object({ rank: { type: 'integer', minimum: 1 }, level: { type: 'string', enum: [...TERRITORY_LEVELS] }, ...TERRITORY_FIGURES, target: count, progress: { type: 'number', minimum: 0 } }),
);

export const CAFES_SCHEMA = page(CAFE);
export const CAFE_SCHEMA = withAsOf(CAFE);
export const STRUCTURES_SCHEMA = page(STRUCTURE);
export const ANIMATORS_SCHEMA = page(ANIMATOR);

const PROJECTION = object({ projection: text, position: nullableText, state: text });
export const PROJECTIONS_SCHEMA = object({ projections: { type: 'array', items: PROJECTION } });
export const REBUILD_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['state'],
  properties: { state: { type: 'string', enum: ['rebuilding', 'done'] }, status: PROJECTION, report: { type: 'object' } },
};
