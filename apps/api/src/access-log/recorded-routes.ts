import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { AccessAction } from './accessed-item.js';
import { RECORDS_ACCESS, type RecordsAccessSpec } from './records-access.decorator.js';

const paths = (p: unknown): string[] => (Array.isArray(p) ? (p as string[]) : [typeof p === 'string' ? p : '']);
const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route of the application ("GET /api/tasks/:id") with the action its reads are recorded under, or null
 * when it records none: the tests check that no route showing tasks is left unmarked.
 */
export function recordedRoutes(app: INestApplication): Map<string, AccessAction | null> {
  const out = new Map<string, AccessAction | null>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as Type | null;
      if (!type) continue;
      const bases = paths(Reflect.getMetadata(PATH_METADATA, type));
      const proto = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const spec = Reflect.getMetadata(RECORDS_ACCESS, handler) as RecordsAccessSpec | undefined;
        for (const base of bases) {
          for (const path of paths(Reflect.getMetadata(PATH_METADATA, handler))) {
            out.set(`${RequestMethod[method]} ${join('api', base, path)}`, spec?.action ?? null);
          }
        }
      }
    }
  }
  return out;
}
