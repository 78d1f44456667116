/**
 * OpenAPI schemas of the read answers (plain data computed by @cafeia/projections, not DTO classes): what API.md
 * promises, each field typed. Objects stay open (no additionalProperties: false): reads may add fields.
 */
import type { SchemaObject } from '@nestjs/swagger';
import { TERRITORY_LEVELS } from '@cafeia/territories';
import { NETWORK_KINDS } from '@cafeia/domain';
import { BREAKDOWN_BY } from '@cafeia/projections';
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

const REPORTING = object(
  { cafesDue: count, cafesReported: count, cafesReportedOnTime: count, completeness: share, timeliness: share },
  'reporting completeness: cafés due (started more than 7 days ago, not cancelled), with an attendance, with one recorded within 7 days',
);

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
    reporting: REPORTING,
  },
  'API.md "Figures"',
);

const AS_OF = object(
  { position: { type: 'string', description: 'the last event the answer reflects' }, at: { ...instant, nullable: true } },
  'how fresh the answer is (also in X-Read-Model-Position)',
);

const withAsOf = (schema: SchemaObject, asOf: SchemaObject = AS_OF): SchemaObject => ({
  ...schema,
  required: [...(schema.required ?? []), 'asOf'],
  properties: { ...schema.properties, asOf },
});

/** with `asOfDate`: the day asked for, its last millisecond and the last event counted (null: none by then) */
const AS_OF_OR_DATE = {
  ...AS_OF,
  description: 'how fresh the answer is; with asOfDate: the figures as they stood at the end of that Paris day (date, at = its last millisecond, position = the last event counted)',
  properties: { position: { type: 'string', nullable: true }, at: { ...instant, nullable: true }, date: { ...date, description: 'with asOfDate only' } },
} as SchemaObject;

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
  AS_OF_OR_DATE,
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
    upcomingCafes: { type: 'array', items: CAFE, description: 'absent with asOfDate' },
    topStructures: { type: 'array', items: STRUCTURE, description: 'absent with asOfDate' },
  }),
  AS_OF_OR_DATE,
);
// a department's answer adds the EPCIs that touch it; the as-of answer has no upcoming cafés nor top structures
TERRITORY_SCHEMA.properties!.epcis = { type: 'array', items: object(TERRITORY_FIGURES), description: 'a department only: the EPCIs that touch it' };
TERRITORY_SCHEMA.required = TERRITORY_SCHEMA.required!.filter((name) => name !== 'upcomingCafes' && name !== 'topStructures');

export const TERRITORIES_SCHEMA = page(
  object({ rank: { type: 'integer', minimum: 1 }, level: { type: 'string', enum: [...TERRITORY_LEVELS] }, ...TERRITORY_FIGURES, target: count, progress: { type: 'number', minimum: 0 } }),
);

export const CAFES_SCHEMA = page(CAFE);

const NETWORK_FIELDS = { id: uuid, name: text, kind: { type: 'string', enum: [...NETWORK_KINDS] } as SchemaObject, figures: FIGURES_SCHEMA };
export const NETWORKS_SCHEMA = page(object({ rank: { type: 'integer', minimum: 1 }, ...NETWORK_FIELDS, structureCount: count }));
export const NETWORK_SCHEMA = withAsOf(
  object({
    ...NETWORK_FIELDS,
    structures: { type: 'array', items: object({ structureId: uuid, name: text, figures: FIGURES_SCHEMA }), description: 'the current member structures' },
    regions: { type: 'array', items: object(TERRITORY_FIGURES), description: 'the regions where the members’ cafés and animators are' },
  }),
);

const BREAKDOWN_FIGURES = object({ attendances: count, distinctParticipants: count, anonymousAttendees: count, peopleReached: count, cafesHeld: count, cafesCancelled: count });
export const BREAKDOWN_SCHEMA = withAsOf(
  object({
    by: { type: 'string', enum: [...BREAKDOWN_BY] },
    items: { type: 'array', items: object({ key: { ...nullableText, description: 'format or audience as written, online / in_person, structure kind, YYYY-MM; null: no audience, or structure not registered yet' }, figures: BREAKDOWN_FIGURES }) },
    total: BREAKDOWN_FIGURES,
  }),
);
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
