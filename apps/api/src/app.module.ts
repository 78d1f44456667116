import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from '@cafeia/config';
import { AccessController } from './access/access.controller';
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
import { NetworksWriteController } from './networks/networks.controller';
import { AddNetworkStructureHandler, CreateNetworkHandler, RemoveNetworkStructureHandler } from './networks/networks.handlers';
import { ProblemFilter } from './http/problem.filter';
import { ApiValidationPipe } from './http/validation';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { ImportsModule } from './imports/imports.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { MetricsController } from './operations/metrics.controller';
import { ParticipantDirectory } from './participants/participant-directory';
import { ParticipantsController } from './participants/participants.controller';
import { RetentionJob } from './participants/retention.job';
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
  CreateNetworkHandler,
  AddNetworkStructureHandler,
  RemoveNetworkStructureHandler,
];

export type Surface = 'all' | 'web';

@Module({})
export class AppModule {
  /**
   * `surface`: 'all' (the embedded default, and the API at scale) or 'web' (apps/web at scale: the pages and the
   * operations endpoints, without the JSON API's routes; the same modules and read services underneath).
   */
  static forRoot(config: AppConfig, extra: DynamicModule[] = [], surface: Surface = 'all'): DynamicModule {
    const imports = ImportsModule.forRoot(surface);
    return {
      module: AppModule,
      // the web app's forms load cafés, open attendance sheets and start imports with the same services as the API's
      global: true,
      exports: [CafeAccess, ParticipantDirectory, imports],
      // the imports' JSON routes and job runner belong to the API processes, as the retention run does (the web
      // surface has the service only, for its import page)
      imports: [CqrsModule.forRoot(), InfrastructureModule.forRoot(config), imports, ...extra],
      controllers: surface === 'web' ? [HealthController, MetricsController] : [
        AccessController,
        StructuresWriteController,
        AnimatorsWriteController,
        CafesWriteController,
        ParticipantsController,
        FundingsWriteController,
        TerritoryTargetController,
        NetworksWriteController,
        HealthController,
        MetricsController,
      ],
      providers: [
        ...commandHandlers,
        CafeAccess,
        ParticipantDirectory,
        // the daily retention run belongs to the API processes, not to the web app's at scale
        ...(surface === 'web' ? [] : [RetentionJob]),
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: ApiValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
