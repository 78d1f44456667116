export interface HttpAnswer {
  status: number;
  body: any;
}

/** A small HTTP client for one API process, retrying what a careful client retries. */
export class ApiClient {
  requests = 0;
  retries = 0;

  constructor(readonly baseUrl: string, private readonly token: string) {}

  async send(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    this.requests += 1;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep the text */
    }
    return { status: response.status, body: parsed };
  }

  /**
   * A write that must succeed. Every write of the load is idempotent by design (explicit ids, the same
   * person enrolling twice gets the same enrolment, attendance counts a person once), so a concurrency
   * conflict (409) between the two APIs, or a dropped connection, is simply retried.
   */
  async write(method: string, path: string, body?: unknown): Promise<any> {
    let last: HttpAnswer | Error | null = null;
    for (let attempt = 1; attempt <= 8; attempt++) {
      try {
        const answer = await this.send(method, path, body);
        if (answer.status >= 200 && answer.status < 300) return answer.body;
        last = answer;
        if (answer.status !== 409 && answer.status < 500) break;
      } catch (error) {
        last = error as Error;
      }
      this.retries += 1;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
    throw new Error(`${method} ${path} failed: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
  }

  async read(path: string): Promise<any> {
    const answer = await this.send('GET', path);
    if (answer.status !== 200) throw new Error(`GET ${this.baseUrl}${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}
