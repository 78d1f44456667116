import { Module } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { API_DB } from '../infrastructure/tokens';
import { ImportJobStore } from './import-job.store';
import { ImportRequests } from './import-requests';
import { ImportRunner } from './import-runner';
import { ImportService } from './import.service';
import { IMPORT_JOBS } from './import.tokens';
import { ImportsController } from './imports.controller';

/** Imports through the API: the endpoints, the job store in the API's database, and this process's runner. */
@Module({
  controllers: [ImportsController],
  providers: [
    {
      provide: IMPORT_JOBS,
      inject: [API_DB],
      useFactory: (db: Kysely<any>) => ImportJobStore.open(db),
    },
    ImportRequests,
    ImportRunner,
    ImportService,
  ],
  exports: [IMPORT_JOBS, ImportService, ImportRunner],
})
export class ImportsModule {}
