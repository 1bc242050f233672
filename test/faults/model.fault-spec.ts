import { startTestApp, type TestApp } from '../e2e/support/test-app.js';
import { modelBasedRun } from './support/model-run.js';

// 50 runs here (part of `npm test`); test/faults/slow/model.fault-spec.ts runs 500.
const RUNS = Number(process.env.MODEL_RUNS ?? 50);

describe('model-based: random command sequences by random actors against the real API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it(
    `${RUNS} runs, 0 divergences from the model, no acknowledged write lost`,
    () => modelBasedRun(t, 'model-based', RUNS),
    600_000,
  );
});
