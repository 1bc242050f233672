import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module.js';
import { buildConfig, parseEnv } from '../config/app-config.js';
import { setRoutePrefix } from '../route-prefix.js';
import { buildOpenApiDocument } from './openapi-document.js';

/**
 * The document the API serves, built without a database or Redis (Nest's preview mode resolves the
 * routes but instantiates nothing): `npm run openapi` writes it for the linter and the typed client.
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  const config = buildConfig(parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), {
    databaseUrl: 'postgres://preview@127.0.0.1:1/preview',
    jwtSecret: 'preview-only-secret-never-used-0123456789',
    embedded: false,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    preview: true,
    logger: false,
  });
  setRoutePrefix(app);
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
