import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Clock } from '@cafeia/config';
import type { CafeItem, Page, StructureItem } from '@cafeia/projections';
import type { Territories } from '@cafeia/territories';
import { myCafesPage, scheduleCafePage, type FormValues } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AnimatorReads } from '../../animators/animators.reads';
import { CurrentPrincipal, Principal, Public } from '../../auth/principal';
import { ScheduleCafeDto } from '../../cafes/cafes.dto';
import { ScheduleCafeCommand } from '../../cafes/cafes.handlers';
import { CafeReads } from '../../cafes/cafes.reads';
import { ProblemException } from '../../http/problem';
import { IMPORTING_ROLES } from '../../imports/import-operations';
import { CLOCK, TERRITORIES } from '../../infrastructure/tokens';
import { Freshness } from '../../read-side/freshness';
import { StructureReads } from '../../structures/structures.reads';
import { CsrfChecked, SignedIn } from '../session/web-guards';
import { WebPages } from '../web-pages';
import { readScheduleForm } from './cafe-forms';
import { communeName } from './commune-input';
import { formText, type FormBody } from './form-input';
import { submitForm } from './form-submission';
import { assertFollowsCafes, assertSchedules, formContext, setNotice, takeNotice } from './organizer-session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** the lists of cafés to come and to report are short by nature; held cafés are paged */
const OPEN_LIST_SIZE = 200;
const HELD_PAGE_SIZE = 50;
/** beyond this many departments, the form asks to choose the structure before listing its animators */
const MAX_ANIMATOR_DEPARTMENTS = 4;

const noCafes = (): Page<CafeItem> => ({ items: [], page: 1, pageSize: HELD_PAGE_SIZE, total: 0 });

/** the fields of a posted form, kept to show them back (never the CSRF token) */
export const formValues = (body: FormBody | undefined): FormValues =>
  Object.fromEntries(Object.entries(body ?? {}).filter(([key, v]) => key !== '_csrf' && (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))))) as FormValues;

/** « Mes cafés » and scheduling a café: the same read services and command as `GET`/`POST /v1/cafes`. */
@ApiExcludeController()
@Public()
@UseGuards(SignedIn)
@Controller('mes-cafes')
export class MyCafesPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly cafes: CafeReads,
    private readonly structures: StructureReads,
    private readonly animators: AnimatorReads,
    private readonly commands: CommandBus,
    private readonly fresh: Freshness,
    @Inject(TERRITORIES) private readonly territories: Territories,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Query() raw: Record<string, unknown>, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    assertFollowsCafes(principal);
    const structures = await this.structures.choices(principal);
    let structureId = typeof raw.structureId === 'string' && raw.structureId !== '' ? raw.structureId : undefined;
    let filterError: string | undefined;
    if (structureId && !UUID.test(structureId)) {
      filterError = 'Choisissez une structure dans la liste.';
      structureId = undefined;
    }
    const page = typeof raw.page === 'string' && /^[1-9][0-9]{0,5}$/.test(raw.page) ? Number(raw.page) : 1;
    const now = this.clock().getTime();
    let upcoming = noCafes();
    let toReport = noCafes();
    let held = noCafes();
    try {
      [upcoming, toReport, held] = await Promise.all([
        this.cafes.list(principal, { structureId, status: 'scheduled', from: new Date(now + 1).toISOString(), pageSize: OPEN_LIST_SIZE })(),
        this.cafes.list(principal, { structureId, status: 'scheduled', to: new Date(now).toISOString(), pageSize: OPEN_LIST_SIZE })(),
        this.cafes.list(principal, { structureId, status: 'held', page, pageSize: HELD_PAGE_SIZE })(),
      ]);
    } catch (error) {
      if (!(error instanceof ProblemException && error.getStatus() === 403)) throw error;
      filterError = 'Cette structure est hors de votre périmètre.';
    }
    const all = [...upcoming.items, ...toReport.items, ...held.items];
    const communeNames = Object.fromEntries(all.map((c) => [c.communeCode, communeName(this.territories, c.communeCode) ?? c.communeCode]));
    const view = {
      upcoming: upcoming.items,
      toReport: toReport.items,
      held,
      structures: structures.map((s) => ({ id: s.id, name: s.name })),
      structureId,
      filterError,
      communeNames,
      canSchedule: principal.role === 'organizer' || principal.role === 'council',
      canImport: IMPORTING_ROLES.includes(principal.role),
      notice: takeNotice(request),
    };
    return this.pages.send(request, reply, 'Mes cafés', myCafesPage(view));
  }

  @Get('nouveau')
  async scheduleForm(@Query('structure') structure: unknown, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    assertSchedules(principal);
    const values = typeof structure === 'string' && UUID.test(structure) ? { structureId: structure } : {};
    return this.renderScheduleForm(principal, request, reply, { values, errors: {}, formId: randomUUID() });
  }

  @Post('nouveau')
  @UseGuards(CsrfChecked)
  async schedule(@Body() body: FormBody, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    assertSchedules(principal);
    const reading = readScheduleForm(body ?? {}, this.territories);
    const outcome = await submitForm(ScheduleCafeDto, reading, (input) => this.commands.execute(new ScheduleCafeCommand(input, formContext(principal))));
    if (!outcome.ok) {
      const formId = UUID.test(formText(body, 'id')) ? formText(body, 'id') : randomUUID();
      return this.renderScheduleForm(principal, request, reply, { values: formValues(body), errors: outcome.errors, alert: outcome.alert, formId, communeCandidates: reading.communeCandidates, status: outcome.status });
    }
    const { id, position } = outcome.result;
    // the café's page reads the read models: it opens once they show the new café (or after the usual wait)
    await this.fresh.asOf(position).catch(() => undefined);
    setNotice(request, `Le café « ${formText(body, 'title').trim()} » est programmé.`);
    return reply.redirect(`/mes-cafes/${id}`, 303);
  }

  private async renderScheduleForm(
    principal: Principal,
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: Record<string, string>; formId: string; alert?: string; communeCandidates?: { code: string; name: string; context: string }[]; status?: number },
  ) {
    const structures = await this.structures.choices(principal);
    const chosenId = typeof form.values.structureId === 'string' ? form.values.structureId : undefined;
    const chosen = structures.find((s) => s.id === chosenId) ?? (structures.length === 1 ? structures[0] : undefined);
    const { animators, scope } = await this.animatorsFor(principal, chosen ? [chosen] : principal.role === 'organizer' ? structures : []);
    const view = {
      csrfToken: this.pages.csrf(reply),
      formId: form.formId,
      structures: structures.map((s) => ({ id: s.id, name: s.name, communeName: communeName(this.territories, s.communeCode) })),
      animators,
      animatorsScope: scope,
      values: form.values,
      errors: form.errors,
      alert: form.alert,
      communeCandidates: form.communeCandidates ?? [],
    };
    return this.pages.send(request, reply, 'Programmer un café', scheduleCafePage(view), {
      status: form.status,
      breadcrumbs: [{ href: '/mes-cafes', label: 'Mes cafés' }, { label: 'Programmer un café' }],
    });
  }

  /** the animators of the departments of these structures, for the form's list */
  private async animatorsFor(principal: Principal, structures: readonly StructureItem[]) {
    const departments = [...new Set(structures.map((s) => s.territory.department).filter((d): d is string => !!d))];
    if (departments.length === 0) return { animators: [], scope: 'du département de la structure (choisissez d’abord la structure, puis rechargez la page)' };
    if (departments.length > MAX_ANIMATOR_DEPARTMENTS) return { animators: [], scope: 'de la structure choisie (ouvrez ce formulaire depuis la liste de ses cafés)' };
    const pages = await Promise.all(departments.map((d) => this.animators.list(principal, { territory: `department:${d}`, pageSize: 500 })()));
    const animators = pages
      .flatMap((p) => p.items)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'))
      .map((a) => ({ id: a.id, displayName: a.displayName, communeName: communeName(this.territories, a.communeCode), trainingStatus: a.trainingStatus }));
    const names = departments.map((d) => this.territories.department(d)?.name ?? d);
    const scope = names.length === 1 ? `du département : ${names[0]}` : `des départements : ${names.join(', ')}`;
    return { animators, scope };
  }
}
