import { Inject, Injectable } from '@nestjs/common';
import type { Territories } from '@cafeia/territories';
import { page, roleLabel, type Html, type NavItem, type Renderable, type Viewer } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { TERRITORIES } from '../infrastructure/tokens';
import { currentUser } from './session/web-user';

/** the first page of each role after signing in */
export function landingOf(principal: Principal): string {
  switch (principal.role) {
    case 'council':
      return '/';
    case 'coordinator': {
      const [level, code] = (principal.territory ?? '').split(':');
      return `/territoires/${level}/${code}`;
    }
    case 'funder':
      return '/financements';
    case 'organizer':
      return '/mes-cafes';
    case 'network':
      return `/reseaux/${principal.networkId}`;
  }
}

/** Renders pages in the site's frame: who is signed in, the menu of their role, the CSRF token of their forms. */
@Injectable()
export class WebPages {
  constructor(@Inject(TERRITORIES) private readonly territories: Territories) {}

  viewer(request: FastifyRequest, reply: FastifyReply): Viewer | null {
    const user = currentUser(request);
    if (!user) return null;
    return { role: user.claims.role, label: this.label(user.claims), csrfToken: this.csrf(reply) };
  }

  csrf(reply: FastifyReply): string {
    return (reply as unknown as { generateCsrf: () => string }).generateCsrf();
  }

  private label(principal: Principal): string {
    if (principal.role === 'coordinator' && principal.territory) {
      const parsed = this.territories.parseTerritory(principal.territory);
      const name = parsed ? this.territories.territory(parsed.level, parsed.code)?.name : null;
      return `${roleLabel(principal.role)} : ${name ?? principal.territory}`;
    }
    return roleLabel(principal.role);
  }

  nav(principal: Principal | null, current: string): NavItem[] {
    if (!principal) return [];
    const items: NavItem[] = [];
    if (principal.role === 'council') {
      items.push({ href: '/', label: 'National' }, { href: '/territoires', label: 'Territoires' }, { href: '/reseaux', label: 'Réseaux' }, { href: '/repartitions', label: 'Répartitions' });
    }
    if (principal.role === 'coordinator') items.push({ href: landingOf(principal), label: 'Mon territoire' }, { href: '/repartitions', label: 'Répartitions' });
    if (principal.role === 'network') items.push({ href: landingOf(principal), label: 'Mon réseau' }, { href: '/repartitions', label: 'Répartitions' });
    if (principal.role === 'council' || principal.role === 'coordinator' || principal.role === 'organizer' || principal.role === 'network') items.push({ href: '/cafes', label: 'Cafés' });
    if (principal.role === 'council' || principal.role === 'coordinator' || principal.role === 'network') items.push({ href: '/structures', label: 'Structures' });
    if (principal.role === 'council' || principal.role === 'coordinator') items.push({ href: '/animateurs', label: 'Animateurs' });
    if (principal.role === 'organizer' || principal.role === 'council' || principal.role === 'coordinator') items.push({ href: '/mes-cafes', label: 'Organiser' });
    if (principal.role === 'funder' || principal.role === 'council') items.push({ href: '/financements', label: 'Financements' });
    return items.map((item) => ({ ...item, current: item.href === current || (item.href !== '/' && current.startsWith(item.href)) }));
  }

  /** sends a whole page */
  send(request: FastifyRequest, reply: FastifyReply, title: string, main: Renderable, options: { status?: number; breadcrumbs?: { href?: string; label: string }[]; scripts?: string[]; head?: Renderable } = {}): FastifyReply {
    const viewer = this.viewer(request, reply);
    const user = currentUser(request);
    const path = request.url.split('?')[0];
    const body: Html = page({ title, viewer, nav: this.nav(user?.claims ?? null, path), breadcrumbs: options.breadcrumbs, main, scripts: options.scripts, head: options.head });
    return reply
      .status(options.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(body.value);
  }
}
