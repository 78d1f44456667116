import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Clock } from '@cafeia/config';
import type { CafeItem } from '@cafeia/projections';
import type { Territories } from '@cafeia/territories';
import { cafeWorkspacePage, cancelCafePage, type FormState } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AnimatorReads } from '../../animators/animators.reads';
import { CurrentPrincipal, Principal, Public } from '../../auth/principal';
import { CancelEnrolmentCommand, EnrolParticipantCommand, RecordAttendanceCommand } from '../../cafes/attendance.handlers';
import { CancelCafeDto, EnrolDto, RecordAttendanceDto, RescheduleCafeDto } from '../../cafes/cafes.dto';
import { CancelCafeCommand, RescheduleCafeCommand } from '../../cafes/cafes.handlers';
import { CafeReads } from '../../cafes/cafes.reads';
import { forbidden } from '../../http/problem';
import { uuidParam } from '../../http/params';
import { CLOCK, TERRITORIES } from '../../infrastructure/tokens';
import { Freshness } from '../../read-side/freshness';
import { StructureReads } from '../../structures/structures.reads';
import { CsrfChecked, SignedIn } from '../session/web-guards';
import { WebPages } from '../web-pages';
import { AttendanceSheets } from './attendance-sheets';
import { readAttendanceForm, readCancelForm, readEnrolForm, readRescheduleForm, walkInMessage } from './cafe-forms';
import { communeName } from './commune-input';
import { frenchFieldMessage } from './french-messages';
import { type FormBody } from './form-input';
import { dispatch, submitForm, type Submission } from './form-submission';
import { formValues } from './my-cafes-pages.controller';
import { assertFollowsCafes, formContext, mayActOn, setNotice, takeNotice } from './organizer-session';
import { parisDateTime } from './paris-time';

const blank = (): FormState => ({ values: {}, errors: {} });

/** what a refused form of the café's page brings back to it */
interface Refused {
  status: number;
  alert?: string;
  attendance?: FormState;
  enrol?: FormState;
  reschedule?: FormState;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * A café of the organizer's workspace: details and counts from the same read service as `GET /v1/cafes/{id}`;
 * for who may act on it, its attendance sheet (names opened server-side), enrolments, rescheduling and
 * cancelling, each form dispatching the JSON API's command with its DTO.
 */
@ApiExcludeController()
@Public()
@UseGuards(SignedIn)
@Controller('mes-cafes/:id')
export class CafePagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly cafes: CafeReads,
    private readonly structures: StructureReads,
    private readonly animators: AnimatorReads,
    private readonly sheets: AttendanceSheets,
    private readonly commands: CommandBus,
    private readonly fresh: Freshness,
    @Inject(TERRITORIES) private readonly territories: Territories,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async show(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    assertFollowsCafes(principal);
    return this.render(await this.cafes.one(principal, id), principal, request, reply);
  }

  @Post('presences')
  @UseGuards(CsrfChecked)
  async recordAttendance(@Param('id', uuidParam('id')) id: string, @Body() body: FormBody, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const cafe = await this.actionable(principal, id);
    const reading = readAttendanceForm(body ?? {});
    const outcome = await submitForm(
      RecordAttendanceDto,
      reading,
      (input) => this.commands.execute(new RecordAttendanceCommand(id, input, formContext(principal))),
      (e) => walkInMessage(e.field, frenchFieldMessage(e.field), reading.presentCount, reading.walkIns),
    );
    return this.after(outcome, cafe, principal, request, reply, {
      success: (r) => ({ notice: `Feuille de présence enregistrée : ${plural(r.attendedNamed, 'présent nommé', 'présents nommés')}, ${plural(r.anonymous, 'personne', 'personnes')} sans contact.`, anchor: 'feuille-de-presence' }),
      refused: (o) => ({ attendance: { values: formValues(body), errors: o.errors } }),
    });
  }

  @Post('inscriptions')
  @UseGuards(CsrfChecked)
  async enrol(@Param('id', uuidParam('id')) id: string, @Body() body: FormBody, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const cafe = await this.actionable(principal, id);
    const outcome = await submitForm(EnrolDto, readEnrolForm(body ?? {}), (input) => this.commands.execute(new EnrolParticipantCommand(id, input, formContext(principal))));
    return this.after(outcome, cafe, principal, request, reply, {
      success: () => ({ notice: 'Inscription enregistrée.', anchor: 'inscriptions' }),
      refused: (o) => ({ enrol: { values: formValues(body), errors: o.errors } }),
    });
  }

  @Post('inscriptions/:enrolmentId/annulation')
  @UseGuards(CsrfChecked)
  async cancelEnrolment(
    @Param('id', uuidParam('id')) id: string,
    @Param('enrolmentId', uuidParam('enrolmentId')) enrolmentId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const cafe = await this.actionable(principal, id);
    const outcome = await dispatch(undefined, () => this.commands.execute(new CancelEnrolmentCommand(id, enrolmentId, formContext(principal))));
    return this.after(outcome, cafe, principal, request, reply, { success: () => ({ notice: 'Inscription annulée.', anchor: 'inscriptions' }), refused: () => ({}) });
  }

  @Post('reprogrammation')
  @UseGuards(CsrfChecked)
  async reschedule(@Param('id', uuidParam('id')) id: string, @Body() body: FormBody, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const cafe = await this.actionable(principal, id);
    const outcome = await submitForm(RescheduleCafeDto, readRescheduleForm(body ?? {}), (input) => this.commands.execute(new RescheduleCafeCommand(id, input, formContext(principal))));
    return this.after(outcome, cafe, principal, request, reply, {
      success: () => ({ notice: 'Le café est reprogrammé.', anchor: 'modifier' }),
      refused: (o) => ({ reschedule: { values: formValues(body), errors: o.errors } }),
    });
  }

  @Get('annulation')
  async cancelConfirmation(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const cafe = await this.actionable(principal, id);
    if (cafe.status === 'cancelled') return reply.redirect(`/mes-cafes/${id}`, 303);
    return this.sendCancel(cafe, request, reply, {});
  }

  @Post('annulation')
  @UseGuards(CsrfChecked)
  async cancel(@Param('id', uuidParam('id')) id: string, @Body() body: FormBody, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const cafe = await this.actionable(principal, id);
    const reading = readCancelForm(body ?? {});
    const outcome = await submitForm(CancelCafeDto, reading, (input) => this.commands.execute(new CancelCafeCommand(id, input, formContext(principal))));
    if (!outcome.ok) return this.sendCancel(cafe, request, reply, { reason: String(reading.plain.reason ?? ''), error: outcome.errors.reason, alert: outcome.alert, status: outcome.status });
    await this.fresh.asOf(outcome.result.position).catch(() => undefined);
    setNotice(request, 'Le café est annulé.');
    return reply.redirect(`/mes-cafes/${id}`, 303);
  }

  /** the café, for a caller who may act on it (the command checks again: this only avoids rendering for nothing) */
  private async actionable(principal: Principal, id: string): Promise<CafeItem> {
    assertFollowsCafes(principal);
    const cafe = await this.cafes.one(principal, id);
    if (!mayActOn(principal, cafe)) throw forbidden('Seuls les organisateurs de la structure du café et le Conseil peuvent le modifier.');
    return cafe;
  }

  /** a form's end: on success, once the read models show it, back to the café with a notice; refused, the page again */
  private async after<R extends { position: string }>(
    outcome: Submission<R>,
    cafe: CafeItem,
    principal: Principal,
    request: FastifyRequest,
    reply: FastifyReply,
    on: { success: (result: R) => { notice: string; anchor: string }; refused: (o: Extract<Submission<R>, { ok: false }>) => Omit<Refused, 'status' | 'alert'> },
  ) {
    if (!outcome.ok) return this.render(cafe, principal, request, reply, { status: outcome.status, alert: outcome.alert, ...on.refused(outcome) });
    await this.fresh.asOf(outcome.result.position).catch(() => undefined);
    const { notice, anchor } = on.success(outcome.result);
    setNotice(request, notice);
    return reply.redirect(`/mes-cafes/${cafe.id}#${anchor}`, 303);
  }

  private async render(cafe: CafeItem, principal: Principal, request: FastifyRequest, reply: FastifyReply, refused?: Refused) {
    const [structure] = await this.structures.byIds([cafe.structureId]);
    let animatorNames: string[] = [];
    if (cafe.animatorIds.length > 0 && cafe.territory.department) {
      // a café the caller sees lies in their territory, and so does its department's list (else: no names)
      const territory = `department:${cafe.territory.department}`;
      const listed = await Promise.resolve()
        .then(() => this.animators.list(principal, { territory, pageSize: 500 })())
        .then((p) => p.items, () => []);
      const names = new Map(listed.map((a) => [a.id, a.displayName]));
      animatorNames = cafe.animatorIds.map((a) => names.get(a) ?? 'animateur d’un autre département');
    }
    let actions = null;
    if (mayActOn(principal, cafe)) {
      const { people, anonymousCount } = await this.sheets.open(cafe.id, formContext(principal));
      const start = parisDateTime(cafe.startsAt);
      actions = {
        csrfToken: this.pages.csrf(reply),
        started: Date.parse(cafe.startsAt) <= this.clock().getTime(),
        people,
        anonymousCount,
        attendance: refused?.attendance ?? blank(),
        enrol: refused?.enrol ?? blank(),
        reschedule: refused?.reschedule ?? { values: { ...start, endTime: cafe.endsAt ? parisDateTime(cafe.endsAt).time : '' }, errors: {} },
      };
    }
    const view = {
      cafe,
      structureName: structure?.name ?? null,
      communeName: communeName(this.territories, cafe.communeCode),
      animatorNames,
      notice: takeNotice(request),
      alert: refused?.alert,
      actions,
    };
    return this.pages.send(request, reply, cafe.title, cafeWorkspacePage(view), { status: refused?.status, breadcrumbs: [{ href: '/mes-cafes', label: 'Mes cafés' }, { label: cafe.title }] });
  }

  private sendCancel(cafe: CafeItem, request: FastifyRequest, reply: FastifyReply, form: { reason?: string; error?: string; alert?: string; status?: number }) {
    const view = { cafe, csrfToken: this.pages.csrf(reply), reason: form.reason, error: form.error, alert: form.alert };
    return this.pages.send(request, reply, 'Annuler le café', cancelCafePage(view), {
      status: form.status,
      breadcrumbs: [{ href: '/mes-cafes', label: 'Mes cafés' }, { href: `/mes-cafes/${cafe.id}`, label: cafe.title }, { label: 'Annulation' }],
    });
  }
}
