import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@cafeia/config';
import { comparePositions, EventStore } from '@cafeia/event-store';
import { ReadModelQueries } from '@cafeia/projections';
import { Territories } from '@cafeia/territories';
import { ReadinessChecks } from '../operations/readiness';
import { CLOCK, EVENT_STORE, READ_MODELS, TERRITORIES } from '../infrastructure/tokens';
import { Metrics } from '../operations/metrics';
import type { Surface } from '../app.module';
import { AuditModule } from '../audit/audit.module';
import { WebModule } from '../web/web.module';
import { PublicModule } from '../public/public.module';
import { Freshness } from './freshness';
import { ReadModelSource } from './read-model-source';
import { ReadScope } from './read-scope';
import { CAFE_DIRECTORY, ReadModelCafeDirectory } from './cafe-directory';
import { AnimatorsReadController } from '../animators/animators.read.controller';
import { AnimatorReads } from '../animators/animators.reads';
import { CafesReadController } from '../cafes/cafes.read.controller';
import { CafeReads } from '../cafes/cafes.reads';
import { FundingsReadController } from '../fundings/fundings.read.controller';
import { FundingReads } from '../fundings/fundings.reads';
import { ProjectionsAdminController } from '../operations/projections-admin.controller';
import { ProgressController } from '../progress/progress.controller';
import { ProgressReads } from '../progress/progress.reads';
import { StructuresReadController } from '../structures/structures.read.controller';
import { StructureReads } from '../structures/structures.reads';
import { TerritoriesController } from '../territories/territories.controller';
import { TerritoryReads } from '../territories/territories.reads';
import { NetworksReadController } from '../networks/networks.read.controller';
import { NetworkReads } from '../networks/networks.reads';
import { BreakdownsController } from '../breakdowns/breakdowns.controller';
import { BreakdownReads } from '../breakdowns/breakdowns.reads';

/** The read side: read models (projected in process in the embedded default), their queries and endpoints. */
@Global()
@Module({})
export class ReadSideModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly source: ReadModelSource,
    @Inject(READ_MODELS) private readonly queries: ReadModelQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readiness: ReadinessChecks,
    private readonly metrics: Metrics,
  ) {}

  static forRoot(config: AppConfig, surface: Surface = 'all'): DynamicModule {
    return {
      module: ReadSideModule,
      controllers: surface === 'web' ? [] : [ProgressController, TerritoriesController, CafesReadController, StructuresReadController, AnimatorsReadController, FundingsReadController, NetworksReadController, BreakdownsController, ProjectionsAdminController],
      providers: [
        { provide: ReadModelSource, inject: [EVENT_STORE, TERRITORIES], useFactory: (store: EventStore, territories: Territories) => new ReadModelSource(config, store, territories as never) },
        {
          provide: READ_MODELS,
          inject: [ReadModelSource, TERRITORIES, CLOCK],
          useFactory: (source: ReadModelSource, territories: Territories, clock: () => Date) =>
            new ReadModelQueries(() => source.db(), territories as never, { target: config.targetPeople, deadline: config.targetDeadline, clock }),
        },
        { provide: CAFE_DIRECTORY, inject: [ReadModelSource], useFactory: (source: ReadModelSource) => new ReadModelCafeDirectory(() => source.db()) },
        Freshness,
        ReadScope,
        ProgressReads,
        TerritoryReads,
        CafeReads,
        StructureReads,
        AnimatorReads,
        FundingReads,
        NetworkReads,
        BreakdownReads,
      ],
      exports: [READ_MODELS, CAFE_DIRECTORY, ReadModelSource, Freshness, ReadScope, ProgressReads, TerritoryReads, CafeReads, StructureReads, AnimatorReads, FundingReads, NetworkReads, BreakdownReads],
    };
  }

  async onModuleInit(): Promise<void> {
    this.source.onFailure = () => this.metrics.projectorFailures.inc();
    await this.source.start();
    this.readiness.register('readModels', () => this.queries.position());
    if (this.source.projecting) {
      this.readiness.register('projector', async () => {
        const status = await this.source.liveReadModels!.status();
        if (status.state === 'retrying') throw new Error(`retrying after ${status.consecutiveFailures} failed batch(es)`);
      });
    }
    this.metrics.onScrape(async () => {
      const live = this.source.liveReadModels;
      if (live) this.metrics.projectorUp.set((await live.status()).state === 'retrying' ? 0 : 1);
      const [{ position }, head] = await Promise.all([this.queries.position(), this.store.headPosition()]);
      this.metrics.projectionPosition.set(Number(position ?? 0));
      const caughtUp = head === null || (position !== null && comparePositions(position, head) >= 0);
      this.metrics.projectionLag.set(caughtUp ? 0 : Number(head) - Number(position ?? 0));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.source.stop();
  }
}

export function readSideModules(config: AppConfig, surface: Surface = 'all'): DynamicModule[] {
  return [ReadSideModule.forRoot(config, surface), AuditModule.forRoot(surface), PublicModule.forRoot(surface), { module: WebModule }];
}
