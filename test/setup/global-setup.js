// Each test run gets its own database on the PostgreSQL named by TEST_DATABASE_URL (default: loopback,
// trust auth), created here and dropped in global-teardown.js.
import pg from 'pg';

export default async function globalSetup() {
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `dondoc_test_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DONDOC_TEST_SERVER_URL = server;
  process.env.DONDOC_TEST_DATABASE_NAME = name;
  process.env.DONDOC_TEST_DATABASE_URL = url.toString();
}
