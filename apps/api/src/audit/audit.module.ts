import { DynamicModule, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * Funders' audits. Needs, provided globally elsewhere: EVENT_STORE, CLOCK, TERRITORIES (InfrastructureModule)
 * and CAFE_DIRECTORY (audit.tokens.ts), which it deliberately does not provide itself.
 */
@Module({ controllers: [AuditController], providers: [AuditService] })
export class AuditModule {
  /** for `createApp(config, { modules: [...] })`, which takes dynamic modules */
  static forRoot(): DynamicModule {
    return { module: AuditModule };
  }
}
