import { createDataSource } from '@dondoc/persistence';

/** Applies pending migrations with a dedicated short-lived connection. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const ds = createDataSource({ url: databaseUrl, poolSize: 1 });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
