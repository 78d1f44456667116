import { DynamicModule, Module } from '@nestjs/common';
import type { Kysely } from 'kysely';
import { API_DB } from '../infrastructure/tokens';
import { ImportJobStore } from './import-job.store';
import { ImportRequests } from './import-requests';
import { ImportRunner } from './import-runner';
import { ImportService } from './import.service';
import { IMPORT_JOBS } from './import.tokens';
import { ImportsController } from './imports.controller';

/**
 * Imports through the API: the endpoints, the job store in the API's database, and this process's runner. On the
 * web surface (apps/web at scale) only the service, for the import page: its jobs are run by the API processes,
 * which share the job store (PostgreSQL).
 */
@Module({})
export class ImportsModule {
  static forRoot(surface: 'all' | 'web' = 'all'): DynamicModule {
    const web = surface === 'web';
    return {
      module: ImportsModule,
      controllers: web ? [] : [ImportsController],
      providers: [
        {
          provide: IMPORT_JOBS,
          inject: [API_DB],
          useFactory: (db: Kysely<any>) => ImportJobStore.open(db),
        },
        ImportRequests,
        ...(web ? [] : [ImportRunner]),
        ImportService,
      ],
      exports: web ? [IMPORT_JOBS, ImportService] : [IMPORT_JOBS, ImportService, ImportRunner],
    };
  }
}
