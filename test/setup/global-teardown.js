import pg from 'pg';

export default async function globalTeardown() {
  const name = process.env.DONDOC_TEST_DATABASE_NAME;
  if (!name || process.env.KEEP_TEST_DATABASE === '1') return;
  const client = new pg.Client({ connectionString: process.env.DONDOC_TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
