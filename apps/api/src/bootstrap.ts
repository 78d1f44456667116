import { randomUUID } from 'node:crypto';
import { ConsoleLogger, DynamicModule, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@cafeia/config';
import { AppModule, type Surface } from './app.module';
import { installJsonBodyParsing } from './http/body-parsing';
import { answerMethodNotAllowed } from './http/method-not-allowed';
import { answerFrameworkErrors, MAX_PATH_PARAM_LENGTH } from './http/framework-errors';
import { KEY_SHAPE as IDEMPOTENCY_KEY_SHAPE } from './idempotency/idempotency.interceptor';
import { SESSION_STORE } from './infrastructure/tokens';
import { installPublicHttp } from './public/public-http';
import { Metrics } from './operations/metrics';
import { completeDocument } from './openapi/complete-document';
import { routeFacts } from './openapi/route-facts';
import { installWebHttp } from './web/web-http';
import { installCachedReads } from './read-side/cached-reads';
import { installWriteAdmission } from './http/write-admission';
import { Freshness } from './read-side/freshness';

export interface CreateAppOptions {
  logger?: LoggerService | false;
  /** extra modules (read side, embedded projector) */
  modules?: DynamicModule[];
  /** 'web': only the pages (apps/web at scale) */
  surface?: Surface;
}

/** Structured logs: one JSON object per line. */
export const jsonLogger = () => new ConsoleLogger({ json: true, colors: false });

/** The API application, configured but not listening (tests listen on port 0). */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-correlation-id'];
      return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_PARAM_LENGTH },
    frameworkErrors: answerFrameworkErrors,
    // behind a TLS-terminating proxy, so that the session cookie is Secure and links use https
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.modules ?? [], options.surface ?? 'all'), adapter, {
    logger: options.logger ?? jsonLogger(),
    bufferLogs: false,
    abortOnError: false,
    // JSON only, depth-limited (see installJsonBodyParsing): no urlencoded parser from Nest
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    (request as unknown as { correlationId: string }).correlationId = String(request.id);
    void reply.header('x-correlation-id', String(request.id));
  });
  // writes take their turn, a few at a time: reads do not queue behind every write in flight
  installWriteAdmission(fastify, config.writeConcurrency);
  installJsonBodyParsing(fastify, config.bodyLimitBytes);
  await installPublicHttp(app, config);
  // a read answered in the last half second is sent before the route's handler (see installCachedReads)
  const fresh = readSide(app);
  if (fresh) installCachedReads(fastify, fresh, config.authSecret);
  await installWebHttp(app, config, app.get(SESSION_STORE));
  app.enableShutdownHooks();

  const metrics = app.get(Metrics);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  answerMethodNotAllowed(fastify);

  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Café IA impact API')
      .setDescription(
        'How far Café IA has reached: write the facts (structures, cafés, enrolments, attendance, trainings, fundings) ' +
          'and read the figures (national progress toward the target, territories, directories, funders’ audits). ' +
          'Errors are RFC 9457 problem details.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  const document = completeDocument(generated, {
    routes: routeFacts(app),
    idempotencyKeyPattern: IDEMPOTENCY_KEY_SHAPE,
  });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

/** the read side's freshness (and cache), when this process serves reads (not the write-only surface) */
function readSide(app: NestFastifyApplication): Freshness | null {
  try {
    return app.get(Freshness, { strict: false });
  } catch {
    return null;
  }
}
