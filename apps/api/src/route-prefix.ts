import { RequestMethod, type INestApplication } from '@nestjs/common';

/** Every route under /api, except /metrics, where Prometheus expects it. */
export function setRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
}
