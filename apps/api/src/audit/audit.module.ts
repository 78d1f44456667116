import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/**
 * Funders' audits. Needs, provided globally elsewhere: EVENT_STORE, CLOCK, TERRITORIES (InfrastructureModule)
 * and CAFE_DIRECTORY (audit.tokens.ts), which it deliberately does not provide itself.
 */
/** global: the web app's funder pages use the same AuditService as the JSON endpoints */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {
  /** for `createApp(config, { modules: [...] })`, which takes dynamic modules */
  static forRoot(surface: 'all' | 'web' = 'all'): DynamicModule {
    return { module: AuditModule, controllers: surface === 'web' ? [] : [AuditController] };
  }
}
