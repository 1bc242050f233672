import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { Classification } from '@dondoc/workflow';

/**
 * A page of tasks already serialised (`{"items":[…],"total":…,"limit":…,"offset":…}`), sent as it is, in
 * chunks: a board of 10,000 cards is megabytes, and stringifying, copying and hashing it again cost more than
 * the query. `tasks` names what it shows, for the access log.
 */
export class TaskPageJson extends StreamableFile {
  constructor(
    readonly tasks: { id: string; classification: Classification }[],
    chunks: string[],
  ) {
    super(Readable.from(chunks, { objectMode: false }), { type: 'application/json; charset=utf-8' });
  }
}
