import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/principal';
import { franceMapGeometry, MAP_GEOMETRY_PATH } from './map';

/** the map's shapes, drawn once and cached: national maps reference them with <use> */
@ApiExcludeController()
@Public()
@Controller()
export class MapAssetController {
  private readonly svg = franceMapGeometry();

  @Get(MAP_GEOMETRY_PATH.slice(1))
  geometry(@Res() reply: FastifyReply) {
    return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=86400').send(this.svg);
  }
}
