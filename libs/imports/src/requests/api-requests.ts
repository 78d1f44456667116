import type { StructureKind, TrainingStatus } from '@cafeia/domain';
import { assertNever } from '@cafeia/domain';
import type { ImportRow } from '../rows/row-types';

/**
 * What a checked row asks of the API: the very requests a client would have sent, in order, with
 * the ids derived from the row. The integrator runs each through the same command pipeline and
 * scopes as HTTP (and its DTO validation), so an import obeys every rule the API does.
 */
export type ApiRequest =
  | { operation: 'registerStructure'; method: 'POST'; path: '/v1/structures'; body: { id: string; name: string; kind: StructureKind; communeCode: string; siret?: string } }
  | {
      operation: 'registerAnimator';
      method: 'POST';
      path: '/v1/animators';
      body: { id: string; displayName: string; communeCode: string; structureId?: string; listed?: boolean };
    }
  | {
      /**
       * Not one request but a status to reach: `trainingStepsToReach(current, target)` gives the
       * `POST /v1/animators/{id}/training` bodies still needed (a re-import then sends none).
       */
      operation: 'reachTrainingStatus';
      method: 'POST';
      path: `/v1/animators/${string}/training`;
      animatorId: string;
      target: { status: TrainingStatus; capable: boolean | null };
    }
  | {
      operation: 'scheduleCafe';
      method: 'POST';
      path: '/v1/cafes';
      body: {
        id: string;
        structureId: string;
        title: string;
        format: string;
        startsAt: string;
        endsAt?: string;
        communeCode?: string;
        capacity?: number;
        audience?: string;
        online?: boolean;
      };
    }
  | {
      operation: 'enrolParticipant';
      method: 'POST';
      path: `/v1/cafes/${string}/enrolments`;
      cafeId: string;
      body: { participant: { email?: string; phone?: string; name?: string } };
    }
  | {
      operation: 'recordAttendance';
      method: 'POST';
      path: `/v1/cafes/${string}/attendance`;
      cafeId: string;
      body: { attendees?: ({ email: string } | { phone: string })[]; anonymousCount?: number };
    };

/** `{a: 1, b: undefined}` → `{a: 1}`: optional fields absent, as a client would leave them */
const present = <T extends object>(body: T): T => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null)) as T;

export function toApiRequests(row: ImportRow): ApiRequest[] {
  switch (row.kind) {
    case 'structures':
      return [
        {
          operation: 'registerStructure',
          method: 'POST',
          path: '/v1/structures',
          body: present({ id: row.id, name: row.name, kind: row.structureKind, communeCode: row.communeCode, siret: row.siret ?? undefined }),
        },
      ];
    case 'animators': {
      const register: ApiRequest = {
        operation: 'registerAnimator',
        method: 'POST',
        path: '/v1/animators',
        body: present({ id: row.id, displayName: row.displayName, communeCode: row.communeCode, structureId: row.structureId ?? undefined, listed: row.listed ?? undefined }),
      };
      if (!row.training) return [register];
      return [register, { operation: 'reachTrainingStatus', method: 'POST', path: `/v1/animators/${row.id}/training`, animatorId: row.id, target: row.training }];
    }
    case 'cafes':
      return [
        {
          operation: 'scheduleCafe',
          method: 'POST',
          path: '/v1/cafes',
          body: present({
            id: row.id,
            structureId: row.structureId,
            title: row.title,
            format: row.format,
            startsAt: row.startsAt,
            endsAt: row.endsAt ?? undefined,
            communeCode: row.communeCode ?? undefined,
            capacity: row.capacity ?? undefined,
            audience: row.audience ?? undefined,
            online: row.online ?? undefined,
          }),
        },
      ];
    case 'attendance': {
      const path = `/v1/cafes/${row.cafeId}/attendance` as const;
      if (row.attendee === null) {
        return [{ operation: 'recordAttendance', method: 'POST', path, cafeId: row.cafeId, body: { anonymousCount: row.anonymousCount ?? 0 } }];
      }
      // enrolling first keeps the name (attendance takes only a contact); enrolling twice is harmless
      const contact = row.attendee.email !== undefined ? { email: row.attendee.email } : { phone: row.attendee.phone as string };
      return [
        { operation: 'enrolParticipant', method: 'POST', path: `/v1/cafes/${row.cafeId}/enrolments`, cafeId: row.cafeId, body: { participant: present({ ...row.attendee }) } },
        { operation: 'recordAttendance', method: 'POST', path, cafeId: row.cafeId, body: { attendees: [contact] } },
      ];
    }
    case 'coop_activities': {
      const schedule: ApiRequest = {
        operation: 'scheduleCafe',
        method: 'POST',
        path: '/v1/cafes',
        body: present({
          id: row.id,
          structureId: row.structureId,
          title: row.title,
          format: row.format,
          startsAt: row.startsAt,
          endsAt: row.endsAt ?? undefined,
          communeCode: row.communeCode ?? undefined,
          online: row.online,
        }),
      };
      if (row.participants === 0) return [schedule];
      return [schedule, { operation: 'recordAttendance', method: 'POST', path: `/v1/cafes/${row.id}/attendance`, cafeId: row.id, body: { anonymousCount: row.participants } }];
    }
    default:
      return assertNever(row);
  }
}
