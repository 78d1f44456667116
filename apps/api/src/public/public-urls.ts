import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@cafeia/config';
import { APP_CONFIG } from '../infrastructure/tokens';

/** what an address is built from: the request (its scheme and host) */
export interface RequestOrigin {
  protocol: string;
  host: string;
}

/**
 * The absolute addresses the feeds, JSON-LD and pages link to (calendar apps and search engines need absolute
 * links): PUBLIC_URL when it is set, which production should do; else the request's own scheme and host.
 */
@Injectable()
export class PublicUrls {
  private readonly configured: string | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.configured = config.publicUrl;
  }

  base(request: RequestOrigin): string {
    return this.configured ?? `${request.protocol}://${request.host}`;
  }

  cafePage(base: string, id: string): string {
    return `${base}/agenda/cafes/${encodeURIComponent(id)}`;
  }

  /** the calendar of a territory (France when none), and the same as a `webcal://` subscription (what calendar apps open) */
  calendar(base: string, territory: string | undefined): { https: string; webcal: string } {
    const https = `${base}/public/v1/cafes.ics${territory ? `?territory=${encodeURIComponent(territory)}` : ''}`;
    return { https, webcal: https.replace(/^https?:\/\//, 'webcal://') };
  }

  /** where the open-data files are served, for the data package */
  openData(base: string): string {
    return `${base}/public/v1/`;
  }
}
