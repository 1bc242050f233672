// Preloaded into a server under test (`node --import ./test/bench/count-queries.mjs ...`): counts the
// statements its pg clients send (TypeORM's driver is this same `pg`) and prints the count as a JSON line
// on SIGUSR2, so http-transition.mjs can report round trips per request.
import pg from 'pg';

let count = 0;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  count++;
  return original.apply(this, args);
};
process.on('SIGUSR2', () => process.stdout.write(`${JSON.stringify({ benchQueries: count })}\n`));
