import { makeTask } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const value = (text: string, series: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe('Prometheus metrics at /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    return res.text;
  };

  it('counts requests by route template and status, transitions by outcome, refused sign-ins', async () => {
    const before = await scrape();
    const task = await makeTask(t.db, { state: 'assigned' });
    const lead = await t.as('ban-tuyen-giao');
    await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(lead)
      .send({ event: 'START', expectedVersion: task.version })
      .expect(200);
    await t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(lead)
      .send({ event: 'START', expectedVersion: task.version })
      .expect(409);
    await t.http.post('/api/auth/login').send({ username: 'vanphong', password: 'not-the-password' }).expect(401);

    const after = await scrape();
    const ok = 'dondoc_transitions_total{event="START",outcome="ok"}';
    const stale = 'dondoc_transitions_total{event="START",outcome="VERSION_CONFLICT"}';
    expect(value(after, ok) - value(before, ok)).toBe(1);
    expect(value(after, stale) - value(before, stale)).toBe(1);
    const failed = 'dondoc_login_failures_total{reason="INVALID_CREDENTIALS"}';
    expect(value(after, failed) - value(before, failed)).toBe(1);
    // Route templates, never raw ids.
    expect(after).toContain('route="/api/tasks/:id/transitions",status="200"');
    expect(after).not.toContain(task.id);
    expect(after).toContain('dondoc_api_process_cpu_user_seconds_total');
  });
});
