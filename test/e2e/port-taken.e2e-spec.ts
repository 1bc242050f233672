import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prepareDatabase, testDatabaseUrl } from './support/test-app.js';

const API = resolve(__dirname, '../../apps/api/dist/main.js');

/** A newcomer whose port 3000 is busy is told which port and which variable, not a stack trace. */
describe('the API on a taken port', () => {
  let held: Server;
  let port: number;
  let dataDir: string;

  beforeAll(async () => {
    if (!existsSync(API)) throw new Error(`${API} is missing: npm test builds it (pretest)`);
    await prepareDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'dondoc-port-'));
    held = createServer();
    await new Promise<void>((r) => held.listen(0, '127.0.0.1', r));
    port = (held.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((r) => held?.close(r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the port and PORT, prints no stack trace, never claims to have started, exits 1', async () => {
    const proc = spawn(process.execPath, [API], {
      env: {
        ...process.env,
        // Timings relative to today: the working calendar would move a deadline falling on a weekend.
        WORKING_CALENDAR: 'off',
        NODE_ENV: 'production',
        DATABASE_URL: testDatabaseUrl(),
        JWT_SECRET: 'port-taken-test-secret-0123456789abcdef',
        FILE_ENCRYPTION_KEYS: 'test:z12A4f/n5maQpzhOzbBJlOsVO4GEIWZ36EUNscFt6KA=',
        FILE_ENCRYPTION_KEY_ID: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        WEB_DIR: '',
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => proc.once('exit', (c) => r(c)));
    expect(stderr).toContain(`Port ${port} on 127.0.0.1 is taken`);
    expect(stderr).toMatch(/set PORT to a free port/);
    expect(stdout + stderr).not.toMatch(/^\s+at /m);
    expect(stdout + stderr).not.toMatch(/successfully started|is ready at/);
    expect(code).toBe(1);
  });
});
