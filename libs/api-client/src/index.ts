import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, operations, paths } from './schema.js';
/** Every named schema of the API (requests and answers), as the document publishes it. */
export type ApiSchemas = components['schemas'];
export type ApiClient = Client<paths>;

/** A fetch client typed by the API's own description: paths, parameters, bodies and answers. */
export function createApiClient(options?: ClientOptions): ApiClient {
  return createClient<paths>(options);
}
