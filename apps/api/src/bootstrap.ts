import { constants as zlibConstants } from 'node:zlib';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { noStoreForApi } from './common/no-store.middleware.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import type { AppConfig } from './config/app-config.js';
import { ApiMetrics } from './metrics/api-metrics.js';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware.js';
import { setRoutePrefix } from './route-prefix.js';
import { ShutdownState } from './runtime/shutdown-state.js';
import type { NextFunction, Request, Response } from 'express';

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  setRoutePrefix(app);
  app.use(httpMetricsMiddleware(app.get(ApiMetrics)));
  app.use(noStoreForApi);
  // A whole board is megabytes of JSON; the event stream must not be buffered by a compressor. The fastest
  // levels (docs/benchmarks.md): on a 10,000-card board gzip 6 took 2.7x the time of gzip 1 for 10 % fewer
  // bytes, and brotli 1 beat both; on a LAN the CPU is dearer than the bytes.
  app.use(
    compression({
      level: 1,
      brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } },
      filter: (req, res) => !req.path.startsWith('/api/events') && compression.filter(req, res),
    }),
  );
  const shutdown = app.get(ShutdownState);
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (shutdown.draining) res.setHeader('Connection', 'close');
    next();
  });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Every /api answer is `no-store`, so no client ever revalidates one; hashing megabytes for an ETag nobody
  // sends back was a fifth of the board's time. Static files keep theirs (serve-static has its own).
  app.set('etag', false);
  app.useBodyParser('json', { limit: '1mb' });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // Swagger UI at /api/docs needs inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          // Served over plain HTTP on a LAN as well: upgrading would break every asset there.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.enableCors({
    origin: (origin, cb) => cb(null, !origin || config.corsOrigins.includes(origin)),
    credentials: false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id'],
    maxAge: 600,
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
