import { Controller, Get, HttpCode, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/principal';
import { ReadinessChecks } from './readiness';

const READINESS_SCHEMA = {
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    checks: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['status', 'ms'],
        properties: { status: { type: 'string', enum: ['up', 'down'] }, ms: { type: 'integer', minimum: 0 }, error: { type: 'string' } },
      },
    },
  },
};

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  private readonly logger = new Logger('health');

  constructor(@Inject(ReadinessChecks) private readonly checks: ReadinessChecks) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Every backing service answers (event store, read models, vault, …)' })
  @ApiOkResponse({ description: 'every check is up', schema: READINESS_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'a check is down', schema: READINESS_SCHEMA })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const results = await this.checks.run();
    const ok = Object.values(results).every((r) => r.status === 'up');
    void reply.status(ok ? 200 : 503);
    // anyone may ask: say which service is down, not the text of its error (hosts, paths, driver messages)
    const checks = Object.fromEntries(Object.entries(results).map(([name, { status, ms }]) => [name, { status, ms }]));
    for (const [name, result] of Object.entries(results)) {
      if (result.status === 'down') this.logger.warn({ msg: 'readiness check failed', check: name, error: result.error });
    }
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
