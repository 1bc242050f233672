// The benchmark suite: runs each bench in turn as a child process (each on a throwaway database of its
// own), collects their JSON lines, prints a summary (figure, reference, ratio, target, verdict) and writes
// test/bench/results/bench-<date>.json and test/bench/results/latest.json with the machine's facts.
// `--quick` uses smaller counts and shorter steps (about two minutes). Exits non-zero only on a crash of
// the runner itself; a failing bench is reported in the summary, never a number.
// Usage: npm run build && node test/bench/run.mjs [--quick] [--only ceiling,transition,...]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';
import * as prettier from 'prettier';
import { machineFacts, POOL_SIZE, QUICK, round, SERVER_URL } from './lib.mjs';

const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? process.argv[i + 1].split(',') : null;
})();
const q = QUICK ? ['--quick'] : [];
const CHROMIUM_JSON = resolve('test/bench/results/board-chromium.json');

const BENCHES = [
  { key: 'ceiling', file: 'test/bench/ceiling.mjs', args: q },
  { key: 'transition', file: 'test/bench/transition-write.mjs', args: q },
  { key: 'workflow', file: 'test/bench/workflow-decide.mjs', args: q },
  { key: 'http', file: 'test/bench/http-transition.mjs', args: q },
  { key: 'board', file: 'test/bench/board-read.mjs', args: q },
  {
    key: 'escalation',
    file: 'test/bench/escalation-timing.mjs',
    args: QUICK ? ['--actions', '500', '--spread', '2', '--reconcile', '10000'] : [],
  },
  { key: 'move', file: 'test/bench/move-board.mjs', args: q },
  { key: 'reports', file: 'test/bench/reports-timing.mjs', args: q },
  {
    key: 'chromium',
    file: 'test/bench/board-chromium.mjs',
    args: QUICK ? ['--sizes', '1000', '--runs', '1', '--drags', '1'] : [],
    optional: true,
  },
  // Last: it loads a million tasks and ten million history rows (quick: a tenth), for several minutes.
  { key: 'scale', file: 'test/bench/scale.mjs', args: q },
];

function runChild(file, args) {
  return new Promise((done) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const lines = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .flatMap((l) => {
          try {
            return [JSON.parse(l)];
          } catch {
            return [];
          }
        });
      done({
        code,
        lines,
        stderr: err.length > 4000 ? `${err.slice(0, 2000)}\n...\n${err.slice(-2000)}` : err,
        seconds: round((Date.now() - t0) / 1000, 1),
      });
    });
    child.on('error', (e) => done({ code: -1, lines: [], stderr: String(e), seconds: 0 }));
  });
}

const started = new Date();
const admin = new pg.Pool({ connectionString: SERVER_URL, max: 1 });
const facts = {
  date: started.toISOString(),
  mode: QUICK ? 'quick' : 'full',
  command: `node test/bench/run.mjs${QUICK ? ' --quick' : ''}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  memoryGB: round(totalmem() / 1073741824, 1),
  node: process.version,
  ...(await machineFacts(admin)),
  pools: { apiDbPoolSize: POOL_SIZE, rawReferencePoolSize: POOL_SIZE, pgbenchClients: [1, 4, 8] },
  loadAverageAtStart: loadavg().map((x) => round(x)),
};
await admin.end();
console.log(JSON.stringify({ machine: facts }));

const benches = {};
for (const b of BENCHES) {
  if (ONLY && !ONLY.includes(b.key)) continue;
  if (!existsSync(b.file)) {
    benches[b.key] = { skipped: `${b.file} is missing` };
    console.log(`-- ${b.key}: skipped (${b.file} is missing)`);
    continue;
  }
  console.log(`-- ${b.key}: node ${b.file} ${b.args.join(' ')}`);
  const load = loadavg()[0];
  const r = await runChild(b.file, b.args);
  benches[b.key] = {
    command: `node ${b.file} ${b.args.join(' ')}`.trim(),
    exitCode: r.code,
    seconds: r.seconds,
    loadAverageBefore: round(load),
    loadAverageAfter: round(loadavg()[0]),
    lines: r.lines,
    ...(r.code === 0 ? {} : { error: r.stderr }),
  };
  if (b.key === 'chromium' && r.code === 0 && existsSync(CHROMIUM_JSON)) {
    try {
      benches.chromium.report = JSON.parse(readFileSync(CHROMIUM_JSON, 'utf8'));
    } catch {
      /* reported as unreadable below */
    }
  }
  if (r.code !== 0) {
    console.log(`-- ${b.key}: exited ${r.code}${b.optional ? ' (skipped: optional)' : ''}\n${r.stderr}`);
  }
}

// ---- summary ----
const rows = [];
const row = (bench, figure, reference, ratio, target, ok) =>
  rows.push({
    bench,
    figure,
    reference: reference ?? '',
    ratio: ratio == null ? '' : String(ratio),
    target: target ?? '',
    verdict: ok == null ? 'info' : ok ? 'met' : 'BELOW',
  });
const lines = (key, name) => benches[key]?.lines?.filter((l) => l.bench === name) ?? [];
const failed = (key, label) => {
  const b = benches[key];
  if (!b) return false;
  // A bench that printed its figures and then crashed while cleaning up still counts (the crash is kept in
  // the JSON as `error`).
  if (b.skipped || (b.exitCode !== 0 && !b.lines?.length)) {
    row(label, b.skipped ?? `did not finish (exit ${b.exitCode})`, '', null, '', null);
    return true;
  }
  return false;
};

if (!failed('ceiling', '1 ceiling')) {
  for (const l of lines('ceiling', 'ceiling-pgbench')) {
    row(
      `1 pgbench transition SQL, ${l.clients} client(s)`,
      `${l.tps} tx/s, avg ${l.latencyAvgMs} ms`,
      '',
      null,
      '',
      null,
    );
  }
  for (const l of lines('ceiling', 'ceiling-redis').filter((x) => x.command.startsWith('EVAL'))) {
    row(
      `1 redis delayed-job add (Lua), ${l.clients} client(s)`,
      `${l.opsPerSecond} ops/s, p99 ${l.p99ms} ms`,
      '',
      null,
      '',
      null,
    );
  }
}
const transition = lines('transition', 'transition-write');
if (!failed('transition', '2 transition write')) {
  const ceiling = lines('ceiling', 'ceiling-pgbench');
  for (const l of transition) {
    row(
      `2 transition write, concurrency ${l.concurrency}`,
      `${l.service.tps} tx/s, p50 ${l.service.p50ms} / p99 ${l.service.p99ms} ms`,
      `raw pg ${l.rawPg.tps} tx/s, p50 ${l.rawPg.p50ms} / p99 ${l.rawPg.p99ms} ms`,
      `${l.ratio} (rounds ${l.ratioRange.join('–')})`,
      '≥ 0.8',
      l.ratio >= 0.8,
    );
    const pgb = ceiling.find((c) => c.clients === l.concurrency);
    if (pgb?.tps) {
      row(
        `2 raw pg vs pgbench, concurrency ${l.concurrency}`,
        `${l.rawPg.tps} tx/s`,
        `pgbench ${pgb.tps} tx/s`,
        round(l.rawPg.tps / pgb.tps),
        '',
        null,
      );
    }
  }
  if (transition[0]) {
    row(
      '2 round trips per transition',
      String(transition[0].roundTripsPerTransition),
      '',
      null,
      '≤ 4',
      transition[0].roundTripsPerTransition <= 4,
    );
  }
}
if (!failed('workflow', '3 workflow decide')) {
  const w = lines('workflow', 'workflow-decide')[0];
  if (w) {
    row(
      '3 workflow decide (applyEvent)',
      `p50 ${w.p50us} / p99 ${w.p99us} / max ${w.maxUs} µs`,
      '',
      null,
      'p99 ≤ 50 µs',
      w.p99us <= 50,
    );
    const t1 = transition.find((l) => l.concurrency === 1);
    if (t1) {
      const share = round((100 * w.p99us) / (t1.service.p50ms * 1000));
      row(
        '3 decide p99 / transition p50',
        `${share} %`,
        `transition p50 ${t1.service.p50ms} ms`,
        null,
        '< 5 %',
        share < 5,
      );
    }
  }
}
if (!failed('http', '4 HTTP transition')) {
  const h = lines('http', 'http-transition')[0];
  if (h) {
    row(
      '4 HTTP POST transitions, max throughput',
      `${h.apiMaxPerSecond} req/s (CPU ${h.apiCpuMsPerRequest} ms/req, ${h.apiRoundTripsPerRequest} queries/req)`,
      `bare node:http ${h.bareMaxPerSecond} req/s (CPU ${h.bareCpuMsPerRequest} ms/req)`,
      h.ratio,
      '≥ 0.8',
      h.ratio >= 0.8,
    );
    const pgbench = lines('ceiling', 'ceiling-pgbench');
    for (const c of lines('http', 'http-transition-closed')) {
      const pgb = pgbench.find((x) => x.clients === c.inFlight);
      const vsBare = c.ratio;
      const vsPgbench = pgb?.tps && c.api ? round(c.api.perSecond / pgb.tps) : null;
      row(
        `4 HTTP transitions, ${c.inFlight} in flight (closed loop)`,
        `${c.api?.perSecond} req/s, p50 ${c.api?.p50ms} / p99 ${c.api?.p99ms} ms, CPU ${c.api?.serverCpuMsPerRequest} ms/req, ${c.api?.roundTripsPerRequest} statements/req`,
        `bare ${c.bare?.perSecond} req/s (CPU ${c.bare?.serverCpuMsPerRequest} ms/req); pgbench ${pgb?.tps ?? '—'} tx/s`,
        `${vsBare} of bare, ${vsPgbench ?? '—'} of pgbench`,
        '≥ 0.8 of bare, ≥ 0.6 of pgbench; ≤ 2 statements; CPU ≤ 1.2 ms',
        vsBare >= 0.8 &&
          (vsPgbench == null || vsPgbench >= 0.6) &&
          c.api?.roundTripsPerRequest <= 2 &&
          c.api?.serverCpuMsPerRequest <= 1.2,
      );
    }
    row(
      '4 HTTP p99 at 70% of max',
      `${h.apiAt70?.p99ms} ms at ${h.apiAt70?.offered} req/s (p50 ${h.apiAt70?.p50ms})`,
      `bare ${h.bareAt70?.p99ms} ms at ${h.bareAt70?.offered} req/s`,
      null,
      '< 25 ms',
      h.apiAt70?.p99ms < 25,
    );
  }
}
if (!failed('board', '5 board read')) {
  for (const l of lines('board', 'board-read')) {
    row(
      `5 GET /api/tasks, ${l.boardTasks} tasks (${l.pages} page${l.pages > 1 ? 's' : ''})`,
      `${l.totalMs} ms (first page ${l.firstPageMs}), ${l.bytesPerCard} B/card (gzip ${l.gzipBytesPerCard} B, ${l.gzipTotalMs} ms)`,
      `EXPLAIN ANALYZE + stringify ${l.referenceTotalMs} ms`,
      l.ratio,
      l.boardTasks === 10000 ? '≤ 1.5×; < 200 ms' : l.boardTasks === 1000 ? '≤ 3×' : '',
      l.boardTasks === 10000 ? l.ratio <= 1.5 && l.totalMs < 200 : l.boardTasks === 1000 ? l.ratio <= 3 : null,
    );
  }
}
if (!failed('escalation', '6 escalation')) {
  const f = lines('escalation', 'firing lateness')[0];
  if (f) {
    row(
      `6 firing lateness, ${f.fired}/${f.actions} actions`,
      `p50 ${f.p50ms} / p99 ${f.p99ms} / max ${f.maxMs} ms`,
      '',
      null,
      'p99 < 25 ms, max < 250 ms',
      f.p99ms < 25 && f.maxMs < 250,
    );
  }
  const r = lines('escalation', 'reconcile after FLUSHALL')[0];
  if (r) {
    const at100k = round((r.ms * 100_000) / r.pending, 0);
    row(
      `6 reconcile after FLUSHALL, ${r.pending} pending`,
      `${r.ms} ms (${r.actionsPerSecond}/s${r.pending !== 100_000 ? `, ≈ ${at100k} ms for 100,000` : ''})`,
      '',
      null,
      '< 5 s for 100,000',
      at100k < 5_000,
    );
  }
}
if (!failed('move', '8 move benchmark')) {
  for (const m of lines('move', 'move-board')) {
    const check = lines('move', 'move-board-check').find((c) => c.inFlight === m.inFlight);
    row(
      `8 board moves, ${m.inFlight} in flight, ${m.seconds} s`,
      `${m.movesPerSecond} moves/s, p50 ${m.p50ms} / p99 ${m.p99ms} ms; CPU/move API ${m.apiCpuMsPerMove} ms, PostgreSQL ${m.pgCpuMsPerMove} ms; ${m.statementsPerMove} statements/move`,
      '',
      null,
      'acknowledged = applied, no phantom, one history row per move',
      check ? check.ok : false,
    );
  }
}
if (!failed('reports', '9 reports')) {
  const data = lines('reports', 'reports-data')[0];
  for (const r of lines('reports', 'reports').filter((x) => x.asOf)) {
    row(
      `9 report ${r.endpoint} as of ${r.asOf}${data ? ` (${data.tasks} tasks, ${data.history} history)` : ''}`,
      `p50 ${r.p50ms} / p95 ${r.p95ms} ms`,
      '',
      null,
      'p50 < 300 ms',
      r.p50ms < 300,
    );
  }
}
if (!failed('scale', '10 scale')) {
  const g = lines('scale', 'scale-generate')[0];
  for (const r of lines('scale', 'scale-read')) {
    // The dashboards are answered from the report cache: the first run (cold) is their computation; after a
    // change, the figures of before are served while new ones are computed (`freshAfter`).
    const afterChange = r.set === 'dashboard-after-change';
    const p50 = afterChange ? r.servedP50ms : r.p50ms;
    row(
      `10 scale ${r.what}${r.set && r.set !== r.what ? ` [${r.set}]` : ''}${g ? ` (${g.tasks} tasks, ${g.history} history)` : ''}`,
      afterChange
        ? `served p50 ${r.servedP50ms} / max ${r.servedMaxMs} ms; all new after ${r.freshAfterP50ms} ms`
        : `p50 ${r.p50ms} / p95 ${r.p95ms} ms${r.coldMs != null && r.what === 'dashboard' ? `; cold ${r.coldMs} ms` : ''}`,
      r.referenceMs != null ? `SQL ${r.referenceMs} ms` : '',
      r.ratio ?? null,
      '< 300 ms',
      p50 < 300,
    );
  }
  // One line per database, each with a figure per level in flight ("1", "8"); the big one carries the small
  // one as its reference.
  for (const r of lines('scale', 'scale-transition').filter((x) => x.database === 'big')) {
    for (const inFlight of Object.keys(r.reference ?? {})) {
      const big = r[inFlight];
      const small = r.reference[inFlight];
      if (!big) continue;
      row(
        `10 scale transitions, ${inFlight} in flight`,
        `${big.perSecond} tx/s, p50 ${big.p50ms} / p99 ${big.p99ms} ms`,
        `small database ${small.perSecond} tx/s, p99 ${small.p99ms} ms${small.ranOutOfTasks ? ' (ran out of tasks)' : ''}`,
        r.throughputRatio?.[inFlight] ?? null,
        'the small database figures hold',
        null,
      );
    }
  }
}
if (benches.chromium) {
  const c = benches.chromium;
  if (c.skipped || c.exitCode !== 0 || !c.report) {
    row(
      '7 board in Chromium',
      `skipped: ${c.skipped ?? (c.exitCode !== 0 ? `exit ${c.exitCode}` : 'no report')}`,
      '',
      null,
      '',
      null,
    );
  } else {
    for (const r of c.report.results ?? []) {
      for (const [who, runs] of Object.entries(r.interactive ?? {})) {
        const tti = runs.map((x) => x.interactiveMs).filter((x) => x != null);
        const m = tti.length ? round([...tti].sort((a, b) => a - b)[Math.floor(tti.length / 2)], 0) : null;
        row(
          `7 Chromium interactive, ${r.tasks} tasks (${who})`,
          `${m} ms`,
          '',
          null,
          r.tasks >= 5000 ? '< 1000 ms' : '',
          r.tasks >= 5000 ? m < 1000 : null,
        );
      }
      const frames = (r.drag ?? []).flatMap((d) => d.frames ?? []).sort((a, b) => a - b);
      if (frames.length) {
        const p95 = frames[Math.min(frames.length - 1, Math.floor(0.95 * frames.length))];
        const over50 = frames.filter((f) => f > 50).length;
        // Frame intervals come in whole vsync steps (16.7 ms, jitter ~0.1 ms): p95 of one step is no frame missed.
        row(
          `7 Chromium drag frames, ${r.tasks} tasks`,
          `p95 ${p95} / max ${frames.at(-1)} ms, ${over50} of ${frames.length} over 50 ms`,
          '',
          null,
          'p95 ≤ 16.7 ms (one frame), none over 50 ms',
          p95 <= 16.8 && over50 === 0,
        );
        const confirmed = (r.drag ?? []).map((d) => d.confirmToConfirmedMs).filter((x) => x != null);
        if (confirmed.length) {
          const worst = Math.max(...confirmed);
          row(
            `7 Chromium drop → confirmed, ${r.tasks} tasks`,
            `${confirmed.join(', ')} ms`,
            '',
            null,
            '< 100 ms',
            worst < 100,
          );
        }
      }
    }
  }
}

console.log('');
console.table(rows);
const finished = new Date();
const report = {
  machine: {
    ...facts,
    loadAverageAtEnd: loadavg().map((x) => round(x)),
    minutes: round((finished - started) / 60000, 1),
  },
  summary: rows,
  benches,
};
const dir = resolve('test/bench/results');
mkdirSync(dir, { recursive: true });
const text = await prettier.format(JSON.stringify(report), {
  ...(await prettier.resolveConfig(dir + '/x.json')),
  parser: 'json',
});
const stamp = started.toISOString().replace(/[:.]/g, '-');
writeFileSync(resolve(dir, `bench-${stamp}.json`), text);
writeFileSync(resolve(dir, 'latest.json'), text);
console.log(`written test/bench/results/bench-${stamp}.json and test/bench/results/latest.json`);
