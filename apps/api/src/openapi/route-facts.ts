import type { INestApplication } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC } from '../auth/principal';
import type { RouteFacts } from './complete-document';

/**
 * What the guards will decide, read from the same metadata they read, keyed by the operationId @nestjs/swagger
 * gives each handler (`<Controller>_<method>`).
 */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const reflector = new Reflector();
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC, [handler, controller]) === true;
        facts.set(`${controller.name}_${name}`, { isPublic });
      }
    }
  }
  return facts;
}
