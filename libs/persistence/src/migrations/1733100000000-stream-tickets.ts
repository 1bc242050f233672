import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Short-lived, single-use tickets for the event stream: EventSource cannot send a header, and a bearer token
 * in a URL ends up in logs and histories. Only the ticket's SHA-256 is kept; any API instance redeems it.
 */
export class StreamTickets1733100000000 implements MigrationInterface {
  name = 'StreamTickets1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stream_tickets (
        ticket_hash text PRIMARY KEY CHECK (ticket_hash ~ '^[0-9a-f]{64}$'),
        session_id uuid NOT NULL REFERENCES sessions(id),
        user_id uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stream_tickets_expires_idx ON stream_tickets (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS stream_tickets`);
  }
}
