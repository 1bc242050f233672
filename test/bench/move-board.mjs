// Moves shaped like a user's board: one agency (ban-tuyen-giao) with 2,000 cards in `assigned` and 2,000 in
// `in_progress` (each with its deliverable already uploaded), dragged on the board through the built API
// (node apps/api/dist/main.js, production, as a child process): `assigned → in_progress` (START) and
// `in_progress → submitted` (SUBMIT), interleaved, each `POST /api/tasks/:id/transitions` with the card's
// expected version, every request a distinct card. Closed loop at 1 and then 8 in flight, 20 s each; before each
// level both lanes are topped up to 2,000 cards never sent (the cards moved by the previous level stay on the
// board); the API's pool (DB_POOL_SIZE) and the client's sockets are large enough not to run out. Afterwards
// the database is checked: acknowledged (2xx) = applied, no phantom change, exactly one history row per move
// and none for an unmoved card, versions bumped by exactly one.
// Issue target: report moves/s, p50/p99, and CPU ms per move for the API and PostgreSQL separately (no
// threshold). Prints JSON lines (`move-board` and `move-board-check` per level); never fails on a number.
// Usage: npm run build && node test/bench/move-board.mjs [--quick] [--seconds 20] [--cards 2000]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  AGENCY,
  agencyUser,
  arg,
  emit,
  freePort,
  PASSWORD,
  pct,
  privateRedis,
  QUICK,
  round,
  sleep,
  throwawayDb,
} from './lib.mjs';

const SECONDS = Number(arg('seconds', QUICK ? 5 : 20));
/** Cards per lane per level (so 2 × CARDS moves at most per level). */
const CARDS = Number(arg('cards', QUICK ? 500 : 2000));
const IN_FLIGHT = [1, 8];
const WARM_CARDS = QUICK ? 50 : 150; // per lane, moved at 8 in flight before the first level, not reported
/** The API's DB_POOL_SIZE: a SUBMIT holds its transaction's connection and reads on another, so 2 per request. */
const API_POOL = 2 * Math.max(...IN_FLIGHT) + 8;
const AGENT_SOCKETS = 2 * Math.max(...IN_FLIGHT);
const BENCH_APP = 'move-board-bench'; // application_name of the bench's own connections, left out of the API's
const MOVES = {
  START: { from: 'assigned', to: 'in_progress' },
  SUBMIT: { from: 'in_progress', to: 'submitted' },
};
const LIST_MAX = 20; // ids named in a check, at most

const db = await throwawayDb('moveboard');
const redis = await privateRedis();
const scratch = mkdtempSync(join(tmpdir(), 'bench-move-board-'));
// The bench's own connections, named so the API's backends can be told apart in pg_stat_activity.
const pool = new pg.Pool({ connectionString: db.url, max: 4, application_name: BENCH_APP });
const agent = new http.Agent({ keepAlive: true, maxSockets: AGENT_SOCKETS });
let api = null;

/** /proc/<pid>/stat utime + stime in ms (clock ticks of 10 ms); null when the process is gone. */
const cpuMs = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
};

/** CPU ms of every process whose comm is `postgres`, by pid. */
function postgresCpu() {
  const out = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const ms = cpuMs(name);
    if (ms != null) out.set(Number(name), ms);
  }
  return out;
}

/** CPU spent between two snapshots by the given pids (all of the second snapshot's when none given). */
function cpuDelta(before, after, pids) {
  let sum = 0;
  for (const [pid, ms] of after) if (!pids || pids.has(pid)) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/** Pids of the API's backends on our database (the bench's own connections left out). */
async function apiBackends() {
  const { rows } = await pool.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
        AND application_name IS DISTINCT FROM $1`,
    [BENCH_APP],
  );
  return new Set(rows.map((r) => r.pid));
}

/**
 * `count` cards led by AGENCY in `state`, modelled on bulkAssignedTasks() in lib.mjs (no coordinating agencies,
 * so a SUBMIT waits on no contribution); an `in_progress` card has been started (version 2) and its lead has
 * uploaded a deliverable (a note-only submission of the current revision, undecided), as the board's SUBMIT
 * dialog leaves it before it sends the transition. Returns [{ id, version }] in insertion order.
 */
async function bulkCards(count, state, prefix, submitter) {
  const version = state === 'assigned' ? 1 : 2;
  const { rows } = await pool.query(
    `INSERT INTO tasks (directive_id, code, title, description, deliverable_type, field, lead_agency_id,
                        coordinating_agency_ids, due_date, deadline_text, state, version, search_text, created_by,
                        deadline_version)
     SELECT (SELECT id FROM directives WHERE number = '07-CTr/TU'), $2 || '-' || g, 'Kế hoạch thử kéo thả ' || g, '',
            'ke_hoach', 'economy', (SELECT id FROM agencies WHERE code = $3), '{}', DATE '2030-12-31', 'quý IV-2030',
            $4, $5, lower($2 || '-' || g), (SELECT id FROM users WHERE username = 'vanphong'), 1
       FROM generate_series(1, $1::int) g
     RETURNING id, version`,
    [count, `${prefix}-${randomBytes(3).toString('hex')}`, AGENCY, state, version],
  );
  if (state === 'in_progress') {
    await pool.query(
      `INSERT INTO submissions (task_id, seq, revision, note, submitted_by)
       SELECT id, 1, 0, 'Dự thảo kế hoạch', $2 FROM unnest($1::uuid[]) AS id`,
      [rows.map((r) => r.id), submitter],
    );
  }
  return rows;
}

/** START and SUBMIT cards interleaved, as an agency working through both lanes. */
function interleave(assigned, working) {
  const cards = [];
  for (let i = 0; i < Math.max(assigned.length, working.length); i++) {
    if (assigned[i]) cards.push(assigned[i]);
    if (working[i]) cards.push(working[i]);
  }
  return cards;
}

/**
 * Each lane topped up to `count` cards never sent: the previous level's unsent cards (still untouched) and new
 * ones, so every level starts from 2,000 + 2,000 movable cards.
 */
async function topUp(lanes, count, prefix, submitter) {
  for (const [kind, state] of [
    ['START', 'assigned'],
    ['SUBMIT', 'in_progress'],
  ]) {
    const left = lanes[kind].filter((c) => !c.sent);
    const added =
      count > left.length ? await bulkCards(count - left.length, state, `${prefix}-${kind}`, submitter) : [];
    lanes[kind] = [...left, ...added.map((r) => ({ id: r.id, kind, version: r.version }))];
  }
  await pool.query('ANALYZE tasks');
  await pool.query('ANALYZE submissions');
  return interleave(lanes.START, lanes.SUBMIT);
}

function post(path, headers, body) {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port: api.port, path, method: 'POST', agent, headers, timeout: 30_000 },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => resolve({ status: 0, error: err.code ?? err.message }));
      },
    );
    req.on('error', (err) => resolve({ status: 0, error: err.code ?? err.message }));
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.end(body);
  });
}

/** One move as the board sends it; the outcome is written on the card. */
async function move(card, token) {
  const body = JSON.stringify({ event: card.kind, expectedVersion: card.version });
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  };
  const start = performance.now();
  const res = await post(`/api/tasks/${card.id}/transitions`, headers, body);
  card.ms = performance.now() - start;
  card.status = res.status;
  if (res.status === 0) {
    card.outcome = 'error';
    card.error = res.error;
    return;
  }
  let json = null;
  try {
    json = JSON.parse(res.text);
  } catch {
    // left null: counted as an unexpected answer below
  }
  if (res.status >= 200 && res.status < 300) {
    card.outcome = 'ok';
    card.answer = { state: json?.state, version: json?.version };
  } else {
    card.outcome = 'refused';
    card.code = json?.code ?? `HTTP_${res.status}`;
    card.message = json?.message;
  }
}

async function startApi() {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: String(port),
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    FILE_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    FILE_ENCRYPTION_KEY_ID: 'bench',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    LOGIN_LIMIT_PER_ADDRESS: '100000',
    LOGIN_LIMIT_PER_ACCOUNT: '100000',
    WEB_DIR: '',
    REDIS_URL: redis.url,
    STORAGE_DIR: join(scratch, 'files'),
    DB_POOL_SIZE: String(API_POOL),
  };
  const child = spawn(process.execPath, ['--import', './test/bench/count-queries.mjs', 'apps/api/dist/main.js'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lastCount = null;
  let errText = '';
  child.stdout.on('data', (d) => {
    for (const line of String(d).split('\n')) {
      if (line.startsWith('{"benchQueries"')) lastCount = JSON.parse(line).benchQueries;
    }
  });
  child.stderr.on('data', (d) => (errText = (errText + d).slice(-8000)));
  api = {
    child,
    port,
    stderr: () => errText,
    async queries() {
      lastCount = null;
      child.kill('SIGUSR2');
      for (let i = 0; i < 50 && lastCount === null; i++) await sleep(20);
      return lastCount;
    },
  };
  for (let i = 0; i < 300; i++) {
    await sleep(100);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health/live`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    if (child.exitCode !== null) throw new Error(`api exited: ${errText.slice(-2000)}`);
  }
  throw new Error(`api not live after 30 s: ${errText.slice(-2000)}`);
}

const summarize = (ms, seconds) => {
  const s = [...ms].sort((a, b) => a - b);
  return {
    moves: s.length,
    movesPerSecond: round(s.length / seconds, 1),
    p50ms: round(pct(s, 0.5)),
    p99ms: round(pct(s, 0.99)),
    maxMs: round(s.at(-1)),
  };
};
const tally = (xs) => xs.reduce((o, x) => ((o[x] = (o[x] ?? 0) + 1), o), {});

/** `inFlight` workers, each taking the next unused card until `seconds` have passed or the cards run out. */
async function closedLoop(cards, inFlight, seconds, token) {
  let next = 0;
  let ranOutAt = null;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      if (next >= cards.length) {
        ranOutAt ??= performance.now();
        return;
      }
      const card = cards[next++];
      card.sent = true;
      await move(card, token);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { elapsed: (performance.now() - t0) / 1000, ranOutAfter: ranOutAt == null ? null : (ranOutAt - t0) / 1000 };
}

/** What the database says of every card of the level, against what the API answered. */
async function check(cards, eventMark) {
  const { rows } = await pool.query(
    `SELECT t.id, t.state, t.version,
            COALESCE((SELECT json_agg(json_build_object('event', e.event, 'from', e.from_state, 'to', e.to_state,
                                                         'version', e.task_version) ORDER BY e.id)
                        FROM task_events e WHERE e.task_id = t.id AND e.id > $2), '[]') AS events
       FROM tasks t WHERE t.id = ANY($1::uuid[])`,
    [cards.map((c) => c.id), eventMark],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const list = (xs) => ({ count: xs.length, ids: xs.slice(0, LIST_MAX).map((c) => c.id) });
  const c = {
    sent: 0,
    acknowledged: 0,
    refused: 0,
    errorsOrTimeouts: 0,
    applied: 0,
    ackedNotApplied: [],
    changedAfterRefusal: [],
    changedAfterErrorOrTimeout: [],
    changedUnsent: [],
    wrongState: [],
    movedWithoutOneHistoryRow: [],
    historyRowNotTheMove: [],
    unmovedWithHistory: [],
    versionNotBumpedByOne: [],
    unmovedVersionChanged: [],
    answerNotTheMove: [],
    missing: [],
  };
  let historyRows = 0;
  for (const card of cards) {
    const row = byId.get(card.id);
    if (!row) {
      c.missing.push(card);
      continue;
    }
    const { from, to } = MOVES[card.kind];
    if (card.sent) c.sent++;
    if (card.outcome === 'ok') c.acknowledged++;
    if (card.outcome === 'refused') c.refused++;
    if (card.outcome === 'error') c.errorsOrTimeouts++;
    historyRows += row.events.length;
    const changed = row.state !== from || row.version !== card.version || row.events.length > 0;
    if (row.state !== from && row.state !== to) c.wrongState.push(card);
    if (row.state === to) c.applied++;
    if (card.outcome === 'ok') {
      if (row.state !== to) c.ackedNotApplied.push(card);
      if (card.answer?.state !== to || card.answer?.version !== card.version + 1) c.answerNotTheMove.push(card);
    } else if (changed) {
      if (card.outcome === 'refused') c.changedAfterRefusal.push(card);
      else if (card.outcome === 'error') c.changedAfterErrorOrTimeout.push(card);
      else c.changedUnsent.push(card);
    }
    if (row.state === to) {
      if (row.events.length !== 1) c.movedWithoutOneHistoryRow.push(card);
      else {
        const e = row.events[0];
        if (e.event !== card.kind || e.from !== from || e.to !== to || e.version !== card.version + 1) {
          c.historyRowNotTheMove.push(card);
        }
      }
      if (row.version !== card.version + 1) c.versionNotBumpedByOne.push(card);
    } else {
      if (row.events.length) c.unmovedWithHistory.push(card);
      if (row.version !== card.version) c.unmovedVersionChanged.push(card);
    }
  }
  const phantom = c.changedAfterRefusal.length + c.changedUnsent.length;
  const checks = {
    acknowledgedEqualsApplied: c.acknowledged === c.applied,
    everyAcknowledgedApplied: c.ackedNotApplied.length === 0,
    noPhantom: phantom === 0 && c.wrongState.length === 0,
    noChangeAfterErrorOrTimeout: c.changedAfterErrorOrTimeout.length === 0,
    oneHistoryRowPerMove:
      c.movedWithoutOneHistoryRow.length === 0 &&
      c.historyRowNotTheMove.length === 0 &&
      c.unmovedWithHistory.length === 0 &&
      historyRows === c.applied,
    versionsBumpedByOne: c.versionNotBumpedByOne.length === 0 && c.unmovedVersionChanged.length === 0,
    answersAreTheMove: c.answerNotTheMove.length === 0,
    everyCardFound: c.missing.length === 0,
  };
  return {
    ok: Object.values(checks).every(Boolean),
    checks,
    cards: cards.length,
    sent: c.sent,
    acknowledged: c.acknowledged,
    applied: c.applied,
    refused: c.refused,
    errorsOrTimeouts: c.errorsOrTimeouts,
    phantom,
    historyRows,
    ackedNotApplied: list(c.ackedNotApplied),
    changedAfterRefusal: list(c.changedAfterRefusal),
    changedUnsent: list(c.changedUnsent),
    changedAfterErrorOrTimeout: list(c.changedAfterErrorOrTimeout),
    wrongState: list(c.wrongState),
    movedWithoutOneHistoryRow: list(c.movedWithoutOneHistoryRow),
    historyRowNotTheMove: list(c.historyRowNotTheMove),
    unmovedWithHistory: list(c.unmovedWithHistory),
    versionNotBumpedByOne: list(c.versionNotBumpedByOne),
    unmovedVersionChanged: list(c.unmovedVersionChanged),
    answerNotTheMove: list(c.answerNotTheMove),
    missing: list(c.missing),
  };
}

/** The agency's board at this instant: its tasks by state. */
async function boardShape() {
  const { rows } = await pool.query(
    `SELECT t.state, count(*)::int AS n FROM tasks t JOIN agencies a ON a.id = t.lead_agency_id
      WHERE a.code = $1 GROUP BY t.state ORDER BY t.state`,
    [AGENCY],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

const refusalsOf = (cards) =>
  tally(cards.filter((c) => c.outcome === 'refused').map((c) => `${c.kind} ${c.status} ${c.code}`));
const errorsOf = (cards) => tally(cards.filter((c) => c.outcome === 'error').map((c) => `${c.kind} ${c.error}`));

try {
  const user = await agencyUser(pool);
  await startApi();
  const base = `http://127.0.0.1:${api.port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const token = (await login.json()).accessToken;

  // Warm-up (JIT, the API's pool, the session the guard confirms once) on cards of its own: the STARTs, then
  // the SUBMITs, each kind's statements counted apart (a level interleaves them, so only its mean is known).
  const warmLanes = { START: [], SUBMIT: [] };
  await topUp(warmLanes, WARM_CARDS, 'WARM', user.id);
  const statementsPerMoveByKind = {};
  for (const kind of Object.keys(MOVES)) {
    const q0 = await api.queries();
    await closedLoop(warmLanes[kind], Math.max(...IN_FLIGHT), 3600, token);
    const q1 = await api.queries();
    const moved = warmLanes[kind].filter((c) => c.outcome === 'ok').length;
    statementsPerMoveByKind[kind] = q0 == null || q1 == null || !moved ? null : round((q1 - q0) / moved, 2);
  }
  const warm = [...warmLanes.START, ...warmLanes.SUBMIT];
  const warmRefused = warm.filter((c) => c.outcome !== 'ok');
  if (warmRefused.length) {
    const first = warmRefused[0];
    emit({
      bench: 'move-board-warmup',
      moved: warm.length - warmRefused.length,
      notMoved: warmRefused.length,
      refusals: refusalsOf(warm),
      errors: errorsOf(warm),
      firstRefusal: { kind: first.kind, status: first.status, code: first.code, message: first.message },
    });
  }

  const lanes = { START: [], SUBMIT: [] };
  for (const inFlight of IN_FLIGHT) {
    const cards = await topUp(lanes, CARDS, `BOARD${inFlight}`, user.id);
    const board = await boardShape();
    const eventMark = (await pool.query('SELECT COALESCE(max(id), 0)::bigint AS m FROM task_events')).rows[0].m;
    await sleep(1000);

    // Idle: what the API does and sends with no request (background work counted in the level's figures too).
    const idleSeconds = 2;
    const idleQ0 = await api.queries();
    const idleCpu0 = cpuMs(api.child.pid);
    await sleep(idleSeconds * 1000);
    const idleCpu1 = cpuMs(api.child.pid);
    const idleQ1 = await api.queries();

    const backends0 = await apiBackends();
    const q0 = await api.queries();
    const pg0 = postgresCpu();
    const apiCpu0 = cpuMs(api.child.pid);
    const { elapsed, ranOutAfter } = await closedLoop(cards, inFlight, SECONDS, token);
    const apiCpu1 = cpuMs(api.child.pid);
    const pg1 = postgresCpu();
    const q1 = await api.queries();
    const backends1 = await apiBackends();

    const sent = cards.filter((c) => c.sent);
    const acked = sent.filter((c) => c.outcome === 'ok');
    const n = acked.length;
    const perMove = (x) => (x == null || !n ? null : round(x / n, 3));
    const ownBackends = new Set([...backends0, ...backends1]);
    const byKind = {};
    for (const kind of Object.keys(MOVES)) {
      const ofKind = sent.filter((c) => c.kind === kind);
      byKind[kind] = {
        sent: ofKind.length,
        ...summarize(
          ofKind.filter((c) => c.outcome === 'ok').map((c) => c.ms),
          elapsed,
        ),
      };
    }
    emit({
      bench: 'move-board',
      inFlight,
      seconds: round(elapsed, 2),
      sent: sent.length,
      ...summarize(
        acked.map((c) => c.ms),
        elapsed,
      ),
      byKind,
      statuses: tally(sent.map((c) => c.status)),
      refusals: refusalsOf(sent),
      errors: errorsOf(sent),
      ranOutOfCards: ranOutAfter != null,
      ...(ranOutAfter != null ? { ranOutAfterSeconds: round(ranOutAfter, 2) } : {}),
      cardsLeft: cards.length - sent.length,
      apiCpuMsPerMove: perMove(apiCpu0 == null || apiCpu1 == null ? null : apiCpu1 - apiCpu0),
      pgCpuMsPerMove: perMove(cpuDelta(pg0, pg1, ownBackends)),
      pgAllCpuMsPerMove: perMove(cpuDelta(pg0, pg1)),
      statementsPerMove: perMove(q0 == null || q1 == null ? null : q1 - q0),
      statementsPerMoveByKindInWarmup: statementsPerMoveByKind,
      idle: {
        seconds: idleSeconds,
        apiCpuMsPerSecond: idleCpu0 == null || idleCpu1 == null ? null : round((idleCpu1 - idleCpu0) / idleSeconds, 1),
        apiStatementsPerSecond: idleQ0 == null || idleQ1 == null ? null : round((idleQ1 - idleQ0) / idleSeconds, 1),
      },
      apiDbPoolSize: API_POOL,
      apiBackendsAtEnd: backends1.size,
      clientAgentMaxSockets: AGENT_SOCKETS,
      clientKeepAlive: true,
      boardAtStart: board,
      note:
        'latency: send → last byte of the answer, acknowledged (2xx) moves only; moves/s = acknowledged / seconds. ' +
        'pgCpuMsPerMove: utime+stime of the API’s backends on this database (pids from pg_stat_activity at start ' +
        'and end); pgAllCpuMsPerMove: every process whose comm is `postgres` (WAL writer, checkpointer, and ' +
        'backends of other databases on this shared machine: noise). CPU from /proc at 10 ms ticks. ' +
        'statementsPerMove: everything the API’s pg clients sent during the level (idle shows its background rate). ' +
        'apiBackendsAtEnd < apiDbPoolSize: the pool never ran out.',
    });

    // Let anything still in flight on the server (a request that timed out here) land before looking.
    await sleep(sent.some((c) => c.outcome === 'error') ? 5000 : 300);
    emit({ bench: 'move-board-check', inFlight, ...(await check(cards, eventMark)) });
  }
} finally {
  agent.destroy();
  if (api) {
    api.child.kill('SIGTERM');
    for (let i = 0; i < 50 && api.child.exitCode === null; i++) await sleep(100);
    if (api.child.exitCode === null) api.child.kill('SIGKILL');
  }
  await pool.end().catch(() => undefined);
  redis.stop();
  rmSync(scratch, { recursive: true, force: true });
  await db.drop();
}
