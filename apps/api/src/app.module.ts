import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from '@cafeia/config';
import { AnimatorsWriteController } from './animators/animators.controller';
import { RecordTrainingStepHandler, RegisterAnimatorHandler } from './animators/animators.handlers';
import { AuthGuard } from './auth/auth.guard';
import { CancelEnrolmentHandler, EnrolParticipantHandler, RecordAttendanceHandler } from './cafes/attendance.handlers';
import { CafeAccess } from './cafes/cafe-access';
import { CafesWriteController } from './cafes/cafes.controller';
import { CancelCafeHandler, RescheduleCafeHandler, ScheduleCafeHandler } from './cafes/cafes.handlers';
import { FundingsWriteController } from './fundings/fundings.controller';
import { AddFundingStructureHandler, GrantFundingHandler, RegisterFunderHandler } from './fundings/fundings.handlers';
import { HealthController } from './operations/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { ApiValidationPipe } from './http/validation';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { ImportsModule } from './imports/imports.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { MetricsController } from './operations/metrics.controller';
import { ParticipantDirectory } from './participants/participant-directory';
import { ParticipantsController } from './participants/participants.controller';
import { StructuresWriteController } from './structures/structures.controller';
import { RegisterStructureHandler } from './structures/register-structure.handler';
import { SetTerritoryTargetHandler, TerritoryTargetController } from './targets/targets';

const commandHandlers = [
  RegisterStructureHandler,
  RegisterAnimatorHandler,
  RecordTrainingStepHandler,
  ScheduleCafeHandler,
  RescheduleCafeHandler,
  CancelCafeHandler,
  EnrolParticipantHandler,
  CancelEnrolmentHandler,
  RecordAttendanceHandler,
  RegisterFunderHandler,
  GrantFundingHandler,
  AddFundingStructureHandler,
  SetTerritoryTargetHandler,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extra: DynamicModule[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(config), ImportsModule, ...extra],
      controllers: [
        StructuresWriteController,
        AnimatorsWriteController,
        CafesWriteController,
        ParticipantsController,
        FundingsWriteController,
        TerritoryTargetController,
        HealthController,
        MetricsController,
      ],
      providers: [
        ...commandHandlers,
        CafeAccess,
        ParticipantDirectory,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: ApiValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
