import type { ImportArgs } from './import-args';
import { mediaTypeOf } from './import-args';
import type { JobView } from './import-report';
import type { Started } from './follow-job';

/** `POST /v1/imports` to a running API with the file as the body, then `GET /v1/imports/{id}` */
export class HttpImports {
  constructor(private readonly args: ImportArgs) {}

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.args.token}` };
  }

  async start(bytes: Buffer): Promise<Started> {
    const query = new URLSearchParams({ kind: this.args.kind });
    if (this.args.dryRun) query.set('dryRun', 'true');
    if (this.args.structureId) query.set('structureId', this.args.structureId);
    const response = await fetch(`${this.args.url}/v1/imports?${query}`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': mediaTypeOf(this.args.file) },
      body: bytes,
    });
    const body = (await response.json().catch(() => ({}))) as { id?: string; detail?: string };
    if (response.status === 202 && body.id) return { ok: true, id: body.id };
    return { ok: false, status: response.status, problem: body };
  }

  async read(id: string): Promise<JobView> {
    const response = await fetch(`${this.args.url}/v1/imports/${id}`, { headers: this.headers() });
    if (!response.ok) throw new Error(`GET /v1/imports/${id} answered ${response.status}`);
    return (await response.json()) as JobView;
  }
}
