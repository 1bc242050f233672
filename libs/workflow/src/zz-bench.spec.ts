import { applyEvent } from './index.js';
it('bench', () => {
  const office = { userId: 'o', role: 'office' as const, agencyId: null };
  const sc = { userId: 's', role: 'standing_committee' as const, agencyId: null };
  const lead = { userId: 'l', role: 'agency' as const, agencyId: 'A' };
  const base = { state: 'drafted' as const, leadAgencyId: 'A', coordinatingAgencyIds: ['B'], dueDate: '2021-06-30', deadlineVersion: 0, revision: 0 };
  const cases: [any, any, any][] = [
    [base, office, { type: 'ASSIGN' }],
    [{ ...base, state: 'submitted', hasPendingSubmission: true }, sc, { type: 'APPROVE', comment: 'ok' }],
    [{ ...base, state: 'in_progress', hasPendingSubmission: true }, lead, { type: 'SUBMIT' }],
    [{ ...base, state: 'approved' }, sc, { type: 'APPROVE' }],
  ];
  const now = new Date();
  const out: string[] = [];
  for (const [t, a, e] of cases) {
    for (let i = 0; i < 20000; i++) applyEvent(t, a, e, now);
    const N = 50000, ts = new Float64Array(N);
    for (let i = 0; i < N; i++) { const s = performance.now(); applyEvent(t, a, e, now); ts[i] = performance.now() - s; }
    ts.sort();
    out.push(`${e.type} p50 ${(ts[N / 2] * 1000).toFixed(1)} p99 ${(ts[Math.floor(N * 0.99)] * 1000).toFixed(1)}`);
  }
  console.log(out.join('\n'));
});
