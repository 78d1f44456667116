import type { INestApplication } from '@nestjs/common';
import type { Principal } from '../../auth/principal';
import { ProblemBody, ProblemException } from '../../http/problem';
import { importJobView } from '../import-job';
import { ImportService, type ImportSubmission } from '../import.service';
import type { Started } from './follow-job';
import type { JobView } from './import-report';

/**
 * The same import without HTTP, for an app created in this process (the CLI without --url, the demo): the job is
 * submitted to the ImportService and run by this process's runner, exactly as an upload would be.
 */
export class EmbeddedImports {
  private readonly service: ImportService;

  constructor(
    app: INestApplication,
    private readonly principal: Principal,
  ) {
    this.service = app.get(ImportService);
  }

  async start(bytes: Buffer, submission: ImportSubmission): Promise<Started> {
    try {
      const job = await this.service.submit(bytes, submission, this.principal);
      return { ok: true, id: job.id };
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      const body = error.getResponse() as ProblemBody;
      return { ok: false, status: body.status, problem: body };
    }
  }

  async read(id: string): Promise<JobView> {
    return importJobView(await this.service.get(id, this.principal));
  }
}
