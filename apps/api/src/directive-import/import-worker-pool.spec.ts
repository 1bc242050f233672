import { DEFAULT_IMPORT_LIMITS, ImportWorkerPool } from './import-worker-pool.js';

/**
 * The import worker's limits (issue 13): a document that needs more memory or time than allowed costs the worker
 * thread, never the API, and comes back as a 413 refusal with the limit named in `details`.
 */
describe('ImportWorkerPool', () => {
  const FIXTURE_LIKE =
    '1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền, hoàn thành trong quý II-2021.\n';
  const job = (text: string) => ({ text, agencies: [], today: '2026-12-04' });

  it('parses in a worker thread and reuses it', async () => {
    const pool = new ImportWorkerPool();
    try {
      for (let i = 0; i < 2; i++) {
        const r = await pool.run(job(FIXTURE_LIKE));
        expect(r.ok && r.parsed.tasks.length).toBe(1);
      }
    } finally {
      await pool.close();
    }
  });

  it('answers 413 PAYLOAD_TOO_LARGE {limit: memory} when the worker runs out of its heap', async () => {
    const pool = new ImportWorkerPool({
      ...DEFAULT_IMPORT_LIMITS,
      maxOldGenerationSizeMb: 64,
      maxYoungGenerationSizeMb: 8,
    });
    try {
      // The same limit reads an ordinary directive: it is the document that exhausts it, not the worker's start.
      const small = await pool.run(job(FIXTURE_LIKE));
      expect(small.ok).toBe(true);
      const r = await pool.run(job('- \n'.repeat(3 * 1024 * 1024)));
      expect(r).toMatchObject({
        ok: false,
        refusal: { status: 413, code: 'PAYLOAD_TOO_LARGE', details: { limit: 'memory' } },
      });
    } finally {
      await pool.close();
    }
  });

  it('answers 413 PAYLOAD_TOO_LARGE {limit: time} past the time budget, and stops the worker', async () => {
    const pool = new ImportWorkerPool({ ...DEFAULT_IMPORT_LIMITS, timeBudgetMs: 200 });
    try {
      const started = performance.now();
      const r = await pool.run(job('- \n'.repeat(1024 * 1024)));
      expect(r).toMatchObject({
        ok: false,
        refusal: { status: 413, code: 'PAYLOAD_TOO_LARGE', details: { limit: 'time' } },
      });
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await pool.close();
    }
  });
});
