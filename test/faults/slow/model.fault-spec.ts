import { startTestApp, type TestApp } from '../../e2e/support/test-app.js';
import { modelBasedRun } from '../support/model-run.js';

const RUNS = Number(process.env.MODEL_RUNS ?? 500);

describe('model-based, long: random command sequences by random actors against the real API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it(
    `${RUNS} runs, 0 divergences from the model, no acknowledged write lost`,
    () => modelBasedRun(t, 'model-based-500', RUNS),
    1_800_000,
  );
});
