import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

// Docker's engine does not run on these machines: the files are kept valid by linters instead, and the
// same processes run without containers in the other suites.
const run = (bin: string, args: string[]) =>
  spawnSync(`node_modules/.bin/${bin}`, args, { encoding: 'utf8', timeout: 60_000 });

describe('docker/: files a container engine would accept', () => {
  const dockerfiles = readdirSync('docker').filter((f) => f.endsWith('.Dockerfile'));

  it('has a Dockerfile for the API, the worker and the web assets', () => {
    expect(dockerfiles.sort()).toEqual(['api.Dockerfile', 'web.Dockerfile', 'worker.Dockerfile']);
  });

  it.each(['api.Dockerfile', 'web.Dockerfile', 'worker.Dockerfile'])('%s lints clean', (file) => {
    const r = run('dockerfile-utils', ['lint', `docker/${file}`]);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(['api.Dockerfile', 'worker.Dockerfile', 'web.Dockerfile'])(
    '%s builds in stages and runs as an unprivileged user',
    (file) => {
      const text = readFileSync(`docker/${file}`, 'utf8');
      expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
      // Exactly the committed lockfile, which is complete for every platform.
      expect(text).toMatch(/^RUN npm ci /m);
      expect(text).not.toMatch(/^RUN .*npm install/m);
      // The final stage: a non-root user (node's image) or nginx's unprivileged image.
      const final = text.slice(text.lastIndexOf('\nFROM '));
      expect(final).toMatch(/^USER node$|nginx-unprivileged/m);
      expect(final).not.toMatch(/JWT_SECRET|PASSWORD/);
    },
  );

  it.each(['api.Dockerfile', 'worker.Dockerfile', 'web.Dockerfile'])(
    '%s copies every workspace manifest before npm ci (the lockfile names them all)',
    (file) => {
      const text = readFileSync(`docker/${file}`, 'utf8');
      const beforeInstall = text.slice(0, text.indexOf('RUN npm ci'));
      const workspaces = ['apps', 'libs'].flatMap((dir) =>
        readdirSync(dir)
          .filter((name) => existsSync(`${dir}/${name}/package.json`))
          .map((name) => `${dir}/${name}/package.json`),
      );
      expect(workspaces.filter((manifest) => !beforeInstall.includes(`COPY ${manifest} `))).toEqual([]);
    },
  );

  it('compose.yml lints clean and runs 2 API and 2 worker replicas on AOF, noeviction Redis', () => {
    const r = run('dclint', ['docker/compose.yml']);
    expect(r.status).toBe(0);
    const text = readFileSync('docker/compose.yml', 'utf8');
    expect(text).toMatch(
      /--appendonly.,\s*.yes.,\s*.--appendfsync.,\s*.everysec.,\s*.--maxmemory-policy.,\s*.noeviction/,
    );
    expect(text.match(/replicas: 2/g)).toHaveLength(2);
    // Secrets come from the environment file, never from the repository.
    expect(text).toMatch(/POSTGRES_PASSWORD:\?/);
    expect(text).toMatch(/JWT_SECRET:\?/);
  });
});
