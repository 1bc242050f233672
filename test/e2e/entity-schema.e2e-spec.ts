import { dataSourceOptions, ENTITIES } from '@dondoc/persistence';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { prepareDatabase, testDatabaseUrl } from './support/test-app.js';

/**
 * The TypeORM entities against the schema the migrations create (`synchronize` is never on, so nothing else
 * would notice an entity drifting from its table until a query failed in production).
 */

interface DbColumn {
  table_name: string;
  column_name: string;
  /** As PostgreSQL spells it (`timestamp with time zone`, `uuid[]`), which is how TypeORM normalises types. */
  type: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_identity: 'YES' | 'NO';
}

/** Every difference between the entities of `ds` and the tables of its database, one line each. */
async function schemaMismatches(ds: DataSource): Promise<string[]> {
  const rows: DbColumn[] = await ds.query(
    `SELECT c.table_name, c.column_name, c.is_nullable, c.column_default, c.is_identity,
            CASE WHEN c.data_type = 'ARRAY' THEN format_type(t.oid, NULL) ELSE c.data_type END AS type
       FROM information_schema.columns c
       LEFT JOIN pg_type t ON t.typname = c.udt_name AND t.typnamespace = 'pg_catalog'::regnamespace
      WHERE c.table_schema = current_schema()`,
  );
  const problems: string[] = [];
  for (const meta of ds.entityMetadatas) {
    const table = meta.tableName;
    const columns = new Map(rows.filter((r) => r.table_name === table).map((r) => [r.column_name, r]));
    if (columns.size === 0) {
      problems.push(`${meta.name}: no table ${table}`);
      continue;
    }
    for (const col of meta.columns) {
      const where = `${meta.name}.${col.propertyName} (${table}.${col.databaseName})`;
      const db = columns.get(col.databaseName);
      if (!db) {
        problems.push(`${where}: no such column`);
        continue;
      }
      const type = `${ds.driver.normalizeType(col)}${col.isArray ? '[]' : ''}`;
      if (type !== db.type) problems.push(`${where}: type ${type} in the entity, ${db.type} in the table`);
      if (col.isNullable !== (db.is_nullable === 'YES'))
        problems.push(`${where}: ${col.isNullable ? 'nullable' : 'NOT NULL'} in the entity, not in the table`);
      // What the entity leaves to the database on insert, the table must provide.
      const leftToDb = col.isGenerated || col.isCreateDate || col.isUpdateDate || col.default !== undefined;
      if (leftToDb && db.column_default == null && db.is_identity !== 'YES')
        problems.push(`${where}: the entity expects a default, the table has none`);
    }
    // And the other way: an entity describes its whole table, so a column added by a later migration shows.
    const mapped = new Set(meta.columns.map((c) => c.databaseName));
    for (const name of columns.keys())
      if (!mapped.has(name)) problems.push(`${meta.name}: ${table}.${name} is not in the entity`);
  }
  return problems;
}

@Entity({ name: 'agencies' })
class DriftedAgency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  nickname!: string;

  @Column({ type: 'integer' })
  active!: number;

  @Column({ type: 'text', nullable: true })
  name!: string | null;
}

@Entity({ name: 'no_such_table' })
class MissingTable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;
}

describe('entities match the migrated schema', () => {
  const opened: DataSource[] = [];
  const open = async (entities: NonNullable<ConstructorParameters<typeof DataSource>[0]['entities']>) => {
    const ds = new DataSource({ ...dataSourceOptions({ url: testDatabaseUrl(), poolSize: 1 }), entities });
    opened.push(ds);
    return ds.initialize();
  };
  beforeAll(() => prepareDatabase());
  afterAll(() => Promise.all(opened.map((ds) => ds.destroy())));

  it('has every column of every entity and of its table, with its type, nullability and defaults', async () => {
    const ds = await open(ENTITIES);
    expect(ds.entityMetadatas.length).toBe(ENTITIES.length);
    expect(await schemaMismatches(ds)).toEqual([]);
  });

  // Migration 1733800000000: JIT compiled the board's and the list's big queries for longer than they ran.
  it('gives every new connection to the migrated database jit = off', async () => {
    const ds = await open(ENTITIES);
    const rows: { jit: string; configured: string[] | null }[] = await ds.query(
      `SELECT current_setting('jit') AS jit,
              (SELECT setconfig FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
                WHERE d.datname = current_database() AND s.setrole = 0) AS configured`,
    );
    expect(rows).toEqual([{ jit: 'off', configured: ['jit=off'] }]);
  });

  it('notices an entity that drifted from its table', async () => {
    const ds = await open([DriftedAgency, MissingTable]);
    expect((await schemaMismatches(ds)).sort()).toEqual(
      [
        'DriftedAgency.nickname (agencies.nickname): no such column',
        'DriftedAgency.active (agencies.active): type integer in the entity, boolean in the table',
        'DriftedAgency.name (agencies.name): nullable in the entity, not in the table',
        'DriftedAgency: agencies.code is not in the entity',
        'DriftedAgency: agencies.kind is not in the entity',
        'DriftedAgency: agencies.monitoring_user_id is not in the entity',
        'DriftedAgency: agencies.officers_act_on_all is not in the entity',
        'DriftedAgency: agencies.organisation_id is not in the entity',
        'DriftedAgency: agencies.created_at is not in the entity',
        'DriftedAgency: agencies.sort_order is not in the entity',
        'DriftedAgency: agencies.updated_at is not in the entity',
        'MissingTable: no table no_such_table',
      ].sort(),
    );
  });
});
