import { Controller, Get, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isTemplateKind, KIND_LABELS, templateCsv, templateFileName, TEMPLATE_KINDS, type ImportKind, type TemplateKind } from '@cafeia/imports';
import { importFilePage, importJobPage, importJobRefreshes, refreshEvery2s, type ImportKindChoice } from '@cafeia/web';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Public } from '../../auth/principal';
import { notFoundProblem, ProblemException, type ProblemBody } from '../../http/problem';
import { importJobView, type ImportJob } from '../../imports/import-job';
import { mayImport } from '../../imports/import-operations';
import { CSV_MEDIA_TYPE, IMPORT_MAX_BYTES } from '../../imports/import-upload';
import { ImportService } from '../../imports/import.service';
import { StructureReads } from '../../structures/structures.reads';
import { CsrfChecked, SignedIn } from '../session/web-guards';
import { WebPages } from '../web-pages';
import { assertFollowsCafes, setNotice, takeNotice } from './organizer-session';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEGABYTES = Math.round(IMPORT_MAX_BYTES / (1024 * 1024));

/** what each kind holds, for the choice on the form */
const KIND_CHOICES: Record<TemplateKind, { label: string; hint: string }> = {
  cafes: { label: 'Cafés', hint: 'Les cafés programmés ou tenus : titre, format, date, commune, structure.' },
  attendance: { label: 'Présences', hint: 'Les personnes venues à un café (e-mail ou téléphone, nom), ou un nombre de participants sans contact.' },
  structures: { label: 'Structures', hint: 'Les lieux qui organisent des cafés : nom, type, commune.' },
  animators: { label: 'Animateurs', hint: 'Les personnes qui animent les cafés, et leur formation.' },
};
const KIND_ORDER: readonly TemplateKind[] = ['cafes', 'attendance', 'structures', 'animators'];

const breadcrumbs = (last: string) => [{ href: '/mes-cafes', label: 'Mes cafés' }, ...(last === 'Importer un fichier' ? [] : [{ href: '/mes-cafes/import', label: 'Importer un fichier' }]), { label: last }];

const NOT_FOUND = 'Cet import n’existe pas, ou il a été lancé par quelqu’un d’autre.';

/** a multipart field as @fastify/multipart gives it, read as text */
const fieldText = (field: unknown): string | undefined => {
  const one = Array.isArray(field) ? field[0] : field;
  return one && typeof one === 'object' && 'value' in one && typeof one.value === 'string' ? one.value : undefined;
};

interface MultipartFile {
  fields: Record<string, unknown>;
  toBuffer(): Promise<Buffer>;
}

/**
 * « Importer un fichier »: a spreadsheet checked in a dry run, its report, then imported for real from the same
 * file. Every step goes through the API's ImportService with the signed-in caller's claims: the same roles,
 * scopes and rules as `POST /v1/imports`, and a job only its owner (and the council) can open.
 */
@ApiExcludeController()
@Public()
@UseGuards(SignedIn)
@Controller('mes-cafes/import')
export class ImportPagesController {
  constructor(
    private readonly pages: WebPages,
    private readonly imports: ImportService,
    private readonly structures: StructureReads,
  ) {}

  @Get()
  async form(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    assertFollowsCafes(principal);
    return this.renderForm(principal, request, reply, { errors: {} });
  }

  /** the templates, for a signed-in browser (the API's are behind a bearer token) */
  @Get('modeles/:file')
  template(@Param('file') file: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    assertFollowsCafes(principal);
    const kind = /^([a-z]+)\.csv$/.exec(file)?.[1];
    if (!kind || !isTemplateKind(kind)) throw notFoundProblem('Ce modèle de fichier n’existe pas.', 'unknown_template');
    return reply
      .header('content-type', `${CSV_MEDIA_TYPE}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="${templateFileName(kind, 'csv')}"`)
      .send(templateCsv(kind));
  }

  /** the upload (multipart: the CSRF token is in the query string), checked in a dry run that keeps the file */
  @Post()
  @UseGuards(CsrfChecked)
  async upload(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    assertFollowsCafes(principal);
    const errors: Record<string, string> = {};
    let kind: string | undefined;
    let file: Buffer | undefined;
    try {
      const part = (await (request as unknown as { file: () => Promise<MultipartFile | undefined> }).file()) ?? undefined;
      kind = part ? fieldText(part.fields.kind) : undefined;
      file = part ? await part.toBuffer() : undefined;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') errors.file = `Le fichier dépasse ${MEGABYTES} Mo : découpez-le en plusieurs fichiers plus petits.`;
      else if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') errors.file = 'Choisissez un fichier à vérifier.';
      else throw error;
    }
    const kinds = this.kindsOf(principal);
    if (!kind) errors.kind = 'Choisissez ce que contient le fichier.';
    else if (!kinds.includes(kind as TemplateKind)) errors.kind = 'Votre rôle ne permet pas d’importer ce type de fichier.';
    if (!errors.file && (!file || file.length === 0)) errors.file = 'Choisissez un fichier à vérifier.';
    if (Object.keys(errors).length > 0) {
      const status = errors.file?.includes(' Mo ') ? 413 : 400;
      return this.renderForm(principal, request, reply, { errors, kind, status });
    }
    let job: ImportJob;
    try {
      job = await this.imports.submit(file!, { kind: kind as ImportKind, dryRun: true, keepFile: true }, principal);
    } catch (error) {
      const refused = refusalOf(error, 'Cet import est hors de votre périmètre.');
      if (!refused) throw error;
      return this.renderForm(principal, request, reply, { errors: {}, kind, alert: refused.detail, status: refused.status });
    }
    return reply.redirect(`/mes-cafes/import/${job.id}`, 303);
  }

  @Get(':jobId')
  async job(@Param('jobId') jobId: string, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    assertFollowsCafes(principal);
    const job = await this.ownJob(jobId, principal);
    return this.renderJob(job, principal, request, reply, {});
  }

  /** « Importer pour de bon »: the dry run's file, imported for real by the same caller */
  @Post(':jobId')
  @UseGuards(CsrfChecked)
  async importForReal(@Param('jobId') jobId: string, @CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    assertFollowsCafes(principal);
    const dryRun = await this.ownJob(jobId, principal);
    try {
      const job = await this.imports.importDryRun(dryRun.id, principal);
      setNotice(request, 'L’import est lancé : ses lignes sont enregistrées une à une.');
      return reply.redirect(`/mes-cafes/import/${job.id}`, 303);
    } catch (error) {
      const refused = refusalOf(error, 'Seule la personne qui a envoyé ce fichier peut l’importer.');
      if (!refused) throw error;
      return this.renderJob(dryRun, principal, request, reply, { alert: refused.detail, status: refused.status });
    }
  }

  private async ownJob(jobId: string, principal: Principal): Promise<ImportJob> {
    if (!UUID.test(jobId)) throw notFoundProblem(NOT_FOUND, 'unknown_import');
    try {
      return await this.imports.get(jobId, principal);
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 404) throw notFoundProblem(NOT_FOUND, 'unknown_import');
      throw error;
    }
  }

  private kindsOf(principal: Principal): TemplateKind[] {
    return KIND_ORDER.filter((kind) => TEMPLATE_KINDS.includes(kind) && mayImport(principal.role, kind));
  }

  private async renderForm(principal: Principal, request: FastifyRequest, reply: FastifyReply, form: { errors: Record<string, string>; kind?: string; alert?: string; status?: number }) {
    const kinds: ImportKindChoice[] = this.kindsOf(principal).map((kind) => ({ value: kind, ...KIND_CHOICES[kind], template: `/mes-cafes/import/modeles/${kind}.csv` }));
    const structures = principal.role === 'organizer' ? (await this.structures.choices(principal)).map((s) => ({ id: s.id, name: s.name })) : [];
    const view = { csrfToken: this.pages.csrf(reply), kinds, structures, kind: form.kind, errors: form.errors, alert: form.alert, maxMegabytes: MEGABYTES };
    return this.pages.send(request, reply, 'Importer un fichier', importFilePage(view), { status: form.status, breadcrumbs: breadcrumbs('Importer un fichier') });
  }

  private async renderJob(job: ImportJob, principal: Principal, request: FastifyRequest, reply: FastifyReply, options: { alert?: string; status?: number }) {
    const seen = importJobView(job);
    const summary = {
      ...seen,
      kindLabel: KIND_LABELS[job.kind],
      problem: job.problem?.detail ?? null,
      createdAt: seen.createdAt!,
    };
    const view = { csrfToken: this.pages.csrf(reply), job: summary, importable: await this.imports.importable(job, principal), alert: options.alert, notice: takeNotice(request) };
    const title = `${job.dryRun ? 'Essai' : 'Import'} d’un fichier de ${KIND_LABELS[job.kind]}`;
    return this.pages.send(request, reply, title, importJobPage(view), {
      status: options.status,
      breadcrumbs: breadcrumbs(job.dryRun ? 'Essai' : 'Import'),
      head: importJobRefreshes(summary) ? refreshEvery2s() : undefined,
    });
  }
}

/** a refusal of the file or of the import (a 4xx problem), with its detail (French for the file's problems) */
function refusalOf(error: unknown, forbiddenDetail: string): { status: number; detail: string } | null {
  if (!(error instanceof ProblemException) || error.getStatus() >= 500) return null;
  const body = error.getResponse() as ProblemBody;
  return { status: body.status, detail: body.status === 403 ? forbiddenDetail : body.detail };
}
