// The bare reference for http-transition.mjs: a node:http server (no framework) answering
// POST /api/tasks/:id/transitions by running the same raw SQL the API ran for one recorded transition
// (the read of the task with the session check, the one-statement write), retargeted to the requested task, on a
// pg.Pool of the API's size, and answering the written row as JSON. No JWT verification, validation,
// logging, metrics or DTO mapping: that is what the API's overhead is measured against.
// Env: DATABASE_URL, PORT, STATEMENTS (a JSON file: {sampleId, statements: [{text, params}]}), POOL_SIZE.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';

const { sampleId, statements } = JSON.parse(readFileSync(process.env.STATEMENTS, 'utf8'));
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const route = /^\/api\/tasks\/([0-9a-f-]{36})\/transitions$/;

const server = createServer((req, res) => {
  const m = req.method === 'POST' ? route.exec(req.url ?? '') : null;
  if (!m) {
    res.writeHead(req.url === '/health/live' ? 200 : 404).end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    void (async () => {
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const id = m[1];
        let last;
        for (const s of statements) {
          last = await pool.query(
            s.text,
            s.params.map((p) => (typeof p === 'string' ? p.split(sampleId).join(id) : p)),
          );
        }
        const body = JSON.stringify(last.rows[0] ?? null);
        res.writeHead(last.rowCount === 1 ? 200 : 409, { 'content-type': 'application/json' }).end(body);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(err) }));
      }
    })();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
