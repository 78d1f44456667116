import { Global, Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller';
import { OpenFigures } from './open-figures';
import { PublicAnimatorsController } from './public-animators.controller';
import { PublicCafesController } from './public-cafes.controller';
import { PublicReads } from './public.reads';
import { PublicUrls } from './public-urls';

/** The public side (no token): listings, calendars, JSON-LD, open data; the agenda pages read the same services. */
@Global()
@Module({
  controllers: [PublicCafesController, PublicAnimatorsController, OpenDataController],
  providers: [PublicReads, PublicUrls, OpenFigures],
  exports: [PublicReads, PublicUrls, OpenFigures],
})
export class PublicModule {}
