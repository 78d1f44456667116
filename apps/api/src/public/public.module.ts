import { DynamicModule, Global, Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenFigures } from './open-figures';
import { PublicAnimatorsController } from './public-animators.controller';
import { PublicCafesController } from './public-cafes.controller';
import { PublicReads } from './public.reads';
import { PublicUrls } from './public-urls';

/**
 * The public side (no token): listings, calendars, JSON-LD, open data. Global: the agenda pages read the same
 * services. On the web surface (apps/web at scale) only the services, for the pages; the JSON routes are the API's.
 */
@Global()
@Module({ providers: [PublicReads, PublicUrls, OpenFigures], exports: [PublicReads, PublicUrls, OpenFigures] })
export class PublicModule {
  static forRoot(surface: 'all' | 'web' = 'all'): DynamicModule {
    return { module: PublicModule, controllers: surface === 'web' ? [] : [PublicCafesController, PublicAnimatorsController, OpenDataController] };
  }
}
