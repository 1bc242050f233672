// Usage: npm run openapi
// Writes the OpenAPI document the API serves to libs/api-client/openapi.json, and the typed client's
// types generated from it (openapi-typescript) to libs/api-client/src/schema.ts. Both are committed: the
// linter reads the first, the web app compiles against the second, and test/e2e/openapi.e2e-spec.ts fails
// when either differs from what the running API serves.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { previewOpenApiDocument } from '@dondoc/api';
import { renderClientTypes } from './openapi-types.mjs';

const root = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const document = await previewOpenApiDocument();
const json = `${JSON.stringify(document, null, 2)}\n`;
await writeFile(root('libs/api-client/openapi.json'), json);
await writeFile(root('libs/api-client/src/schema.ts'), await renderClientTypes(document));
process.stdout.write(
  `openapi: ${Object.keys(document.paths).length} paths, ${Object.keys(document.components?.schemas ?? {}).length} schemas → libs/api-client\n`,
);
