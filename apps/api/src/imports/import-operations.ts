import type { Command } from '@nestjs/cqrs';
import type { ImportKind } from '@cafeia/imports';
import { AnimatorsWriteController } from '../animators/animators.controller';
import { RecordTrainingStepDto, RegisterAnimatorDto } from '../animators/animators.dto';
import { RecordTrainingStepCommand, RegisterAnimatorCommand } from '../animators/animators.handlers';
import type { Role } from '../auth/jwt';
import { ROLES_KEY } from '../auth/principal';
import { EnrolParticipantCommand, RecordAttendanceCommand } from '../cafes/attendance.handlers';
import { CafesWriteController } from '../cafes/cafes.controller';
import { EnrolDto, RecordAttendanceDto, ScheduleCafeDto } from '../cafes/cafes.dto';
import { ScheduleCafeCommand } from '../cafes/cafes.handlers';
import type { RequestContext } from '../infrastructure/request-context';
import { StructuresWriteController } from '../structures/structures.controller';
import { RegisterStructureDto } from '../structures/register-structure.dto';
import { RegisterStructureCommand } from '../structures/register-structure.handler';

/**
 * Each request a row becomes, as the API serves it: the controller method (whose @Roles() the guard reads), the
 * body's DTO (validated by the API's own pipe) and the command the controller dispatches. Reading the roles from the
 * controllers keeps an import's permissions the HTTP ones.
 */
export type ImportOperation = 'registerStructure' | 'registerAnimator' | 'recordTrainingStep' | 'scheduleCafe' | 'enrolParticipant' | 'recordAttendance';

interface OperationSpec {
  handler: (...args: never[]) => unknown;
  dto: new () => object;
  /** the command, from the validated body and the resource the path names (a café, an animator) */
  command: (dto: any, ctx: RequestContext, resourceId: string | undefined) => Command<{ position: string }>;
}

export const OPERATIONS: Record<ImportOperation, OperationSpec> = {
  registerStructure: { handler: StructuresWriteController.prototype.register, dto: RegisterStructureDto, command: (dto, ctx) => new RegisterStructureCommand(dto, ctx) },
  registerAnimator: { handler: AnimatorsWriteController.prototype.register, dto: RegisterAnimatorDto, command: (dto, ctx) => new RegisterAnimatorCommand(dto, ctx) },
  recordTrainingStep: {
    handler: AnimatorsWriteController.prototype.training,
    dto: RecordTrainingStepDto,
    command: (dto, ctx, animatorId) => new RecordTrainingStepCommand(animatorId!, dto, ctx),
  },
  scheduleCafe: { handler: CafesWriteController.prototype.schedule, dto: ScheduleCafeDto, command: (dto, ctx) => new ScheduleCafeCommand(dto, ctx) },
  enrolParticipant: { handler: CafesWriteController.prototype.enrol, dto: EnrolDto, command: (dto, ctx, cafeId) => new EnrolParticipantCommand(cafeId!, dto, ctx) },
  recordAttendance: {
    handler: CafesWriteController.prototype.attendance,
    dto: RecordAttendanceDto,
    command: (dto, ctx, cafeId) => new RecordAttendanceCommand(cafeId!, dto, ctx),
  },
};

/** the operations each kind's rows become (`toApiRequests` of @cafeia/imports) */
export const KIND_OPERATIONS: Record<ImportKind, readonly ImportOperation[]> = {
  structures: ['registerStructure'],
  animators: ['registerAnimator', 'recordTrainingStep'],
  cafes: ['scheduleCafe'],
  attendance: ['enrolParticipant', 'recordAttendance'],
  coop_activities: ['scheduleCafe', 'recordAttendance'],
};

/** the roles the guard lets call the operation's route (the council always) */
export function rolesOf(operation: ImportOperation): readonly Role[] {
  const roles = Reflect.getMetadata(ROLES_KEY, OPERATIONS[operation].handler) as Role[] | undefined;
  if (!roles) throw new Error(`the route of ${operation} declares no @Roles()`);
  return roles;
}

export const mayCall = (role: Role, operation: ImportOperation): boolean => role === 'council' || rolesOf(operation).includes(role);

/** a role may import a kind when it may send every request the kind's rows become */
export const mayImport = (role: Role, kind: ImportKind): boolean => KIND_OPERATIONS[kind].every((operation) => mayCall(role, operation));

/** the roles that may import at least one kind (who may fetch the templates) */
export const IMPORTING_ROLES: readonly Role[] = ['council', 'coordinator', 'organizer'];
