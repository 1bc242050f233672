import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  /** The message exactly as it came over the wire. */
  raw: Buffer;
  /** Decoded by mailparser, as a mail client would show it. */
  parsed: ParsedMail;
  envelope: { from: string | null; to: string[] };
  /** The account the client signed in with, if it did. */
  user: string | null;
}

const address = (a: SMTPServerAddress | false) => (a ? a.address : null);

/**
 * An SMTP server of the test's own on a free loopback port: it keeps every message it accepts, can be
 * told to refuse the next few (a temporary 451, as a busy relay would), and never delivers anything.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Messages refused on purpose, counted when refused. */
  refused = 0;
  private refuseNext = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    private readonly auth?: { user: string; pass: string },
  ) {}

  /** With `auth`, clients must sign in with it (over plain SMTP: this is loopback only). */
  static async start(auth?: { user: string; pass: string }): Promise<SmtpSink> {
    // Set once listening; onData only runs after that.
    const holder: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      logger: false,
      // No certificate of ours: STARTTLS would use smtp-server's published test key, so offer none.
      disabledCommands: ['STARTTLS'],
      authOptional: !auth,
      allowInsecureAuth: true,
      onAuth: (a, _session, cb) => {
        if (auth && a.username === auth.user && a.password === auth.pass) return cb(null, { user: a.username });
        return cb(new Error('Invalid username or password'));
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const s = holder.sink!;
          if (s.refuseNext > 0) {
            s.refuseNext--;
            s.refused++;
            const err = new Error('Try again later (refused by the test)') as Error & { responseCode: number };
            err.responseCode = 451;
            return cb(err);
          }
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (parsed) => {
              s.messages.push({
                raw,
                parsed,
                envelope: {
                  from: address(session.envelope.mailFrom),
                  to: session.envelope.rcptTo.map((r) => r.address),
                },
                user: typeof session.user === 'string' ? session.user : null,
              });
              cb();
            },
            (e: Error) => cb(e),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    holder.sink = new SmtpSink(server, (server.server.address() as AddressInfo).port, auth);
    return holder.sink;
  }

  get url(): string {
    const who = this.auth ? `${encodeURIComponent(this.auth.user)}:${encodeURIComponent(this.auth.pass)}@` : '';
    return `smtp://${who}127.0.0.1:${this.port}`;
  }

  /** Answer the next `n` messages with a temporary failure. */
  refuse(n: number): void {
    this.refuseNext += n;
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.envelope.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
