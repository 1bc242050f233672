import { z } from 'zod';

/** `GET /api/extension-requests`: the deciders' queue is the open requests; decided ones stay reachable. */
export const extensionQueueQuerySchema = z.strictObject({
  status: z.enum(['open', 'granted', 'refused']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ExtensionQueueQuery = z.infer<typeof extensionQueueQuerySchema>;
