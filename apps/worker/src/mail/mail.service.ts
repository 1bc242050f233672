import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config.js';
import { composeMail, type MailableNotification } from './mail-message.js';
import { MailRepository } from './mail.repository.js';

/** Errors that say the server (not this message) is the problem: stop the pass, try again later. */
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'EPROTOCOL']);
/** A message the server refused waits longer each time, up to this, instead of being retried every pass. */
const MAX_BACKOFF_MS = 30 * 60_000;

/**
 * Mails notifications to users who have an address, when SMTP_URL is set. Like the relay it runs on a
 * timer and when kicked. A row is claimed by setting `emailed_at` (SKIP LOCKED), so workers running side
 * by side never send the same notification twice; a failed send gives the claim back for a later pass.
 * A worker that dies between claim and send loses that mail: at most once, never twice.
 */
@Injectable()
export class MailService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transport?: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  /** Notifications whose sending failed, and when they may be tried again (this worker only). */
  private readonly backoff = new Map<string, { failures: number; until: number }>();

  constructor(
    private readonly notifications: MailRepository,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.mail.smtpUrl);
  }

  onApplicationBootstrap(): void {
    const { smtpUrl, from, intervalMs } = this.config.mail;
    if (!smtpUrl) return;
    this.transport = createTransport(
      {
        url: smtpUrl,
        pool: true,
        maxConnections: 2,
        // Nodemailer's defaults wait minutes for a dead server; a pass should give up sooner.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      { from },
    );
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  /** Run a pass now, or right after the one in progress. */
  kick(): void {
    if (!this.transport || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sendPending()
      .then(() => undefined)
      .catch((e: Error) => this.logger.warn(`mail pass failed (will retry): ${e.message}`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async sendPending(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      if (this.stopped || !this.transport) break;
      const batch = await this.claim();
      if (!batch.length) break;
      let serverDown = false;
      for (let i = 0; i < batch.length; i++) {
        const n = batch[i];
        try {
          await this.transport.sendMail(composeMail(n, this.config.mail.publicUrl));
          this.backoff.delete(n.id);
          sent++;
        } catch (e) {
          failed++;
          const err = e as Error & { code?: string; responseCode?: number };
          serverDown = CONNECTION_ERRORS.has(err.code ?? '');
          // The server is away: every claim of this batch goes back, untouched by backoff.
          const release = serverDown ? batch.slice(i).map((r) => r.id) : [n.id];
          if (!serverDown) this.delay(n.id);
          await this.release(release);
          this.logger.warn(
            `notification ${n.id} not mailed (${err.code ?? err.responseCode ?? 'error'}): ${err.message}`,
          );
          if (serverDown) break;
        }
      }
      if (serverDown || batch.length < this.config.mail.batch) break;
    }
    if (sent) this.logger.log(`mailed ${sent} notification(s)`);
    return { sent, failed };
  }

  private async claim(): Promise<MailableNotification[]> {
    const now = Date.now();
    for (const [id, b] of this.backoff) if (b.until + MAX_BACKOFF_MS < now) this.backoff.delete(id);
    const waiting = [...this.backoff].filter(([, b]) => b.until > now).map(([id]) => id);
    return this.notifications.claim(this.config.mail.batch, this.config.mail.maxAgeHours, waiting);
  }

  private async release(ids: string[]): Promise<void> {
    await this.notifications.release(ids);
  }

  private delay(id: string): void {
    const failures = (this.backoff.get(id)?.failures ?? 0) + 1;
    const wait = Math.min(this.config.mail.intervalMs * 2 ** failures, MAX_BACKOFF_MS);
    this.backoff.set(id, { failures, until: Date.now() + wait });
  }
}
