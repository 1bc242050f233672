import { Injectable } from '@nestjs/common';

/** Keeps the latest firing lateness figures in memory for the health endpoint and the benchmark. */
@Injectable()
export class LatenessRecorder {
  private samples: number[] = [];

  record(ms: number): void {
    this.samples.push(ms);
    if (this.samples.length > 100_000) this.samples = this.samples.slice(-50_000);
  }

  summary(): { count: number; p50: number; p99: number; max: number } {
    const s = [...this.samples].sort((a, b) => a - b);
    const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0);
    return { count: s.length, p50: at(0.5), p99: at(0.99), max: s.length ? s[s.length - 1] : 0 };
  }

  reset(): void {
    this.samples = [];
  }
}
