import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway checkout for timing `npm start` without touching the developer's: a `git clone` of
 * this repository's HEAD (committed code only: others' uncommitted edits cannot break it midway)
 * in the system temporary folder, with
 *  - node_modules made of links to this checkout's installed packages, except @mais/*, which link
 *    to the clone's own workspaces (so the widget is built from the clone's SDK);
 *  - the one install product the clone lacks: Prisma's generated client (api/src/generated).
 * Its build outputs, turbo cache and database (.data/) are its own, so they can be deleted to time
 * a first start. The folder is world-enterable: as root, PostgreSQL runs as user "postgres" and must
 * reach the clone's .data/ (otherwise `npm start` would fall back to a shared folder in /tmp).
 */
export interface TempCheckout {
  /** The clone. */
  repo: string;
  commit: string;
  /** A new empty folder beside the clone (for TMPDIR). */
  newTempDir(name: string): string;
  /** Deletes what a first start after install does not have: build outputs, turbo's cache, the database. */
  forgetBuildsAndData(): void;
  remove(): void;
}

export function makeTempCheckout(source: string): TempCheckout {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mais-bench-start-'));
  chmodSync(root, 0o755);
  const repo = path.join(root, 'repo');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', source, repo]);
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();

  const modules = path.join(repo, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(source, 'node_modules'))) {
    // .cache: whatever a tool caches there stays out of the developer's node_modules.
    if (entry === '@mais' || entry === '.cache') continue;
    symlinkSync(path.join(source, 'node_modules', entry), path.join(modules, entry));
  }
  mkdirSync(path.join(modules, '@mais'));
  for (const workspace of readdirSync(path.join(source, 'node_modules', '@mais'))) {
    symlinkSync(path.join('..', '..', workspace), path.join(modules, '@mais', workspace));
  }
  for (const workspace of ['api', 'sdk', 'widget', 'admin']) {
    const own = path.join(source, workspace, 'node_modules');
    if (existsSync(own)) symlinkSync(own, path.join(repo, workspace, 'node_modules'));
  }
  cpSync(path.join(source, 'api', 'src', 'generated'), path.join(repo, 'api', 'src', 'generated'), {
    recursive: true,
  });

  return {
    repo,
    commit,
    newTempDir: (name) => {
      const dir = path.join(root, name);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { mode: 0o755 });
      return dir;
    },
    forgetBuildsAndData: () => {
      for (const generated of ['widget/dist', 'sdk/dist', '.turbo', 'widget/.turbo', 'sdk/.turbo', '.data']) {
        rmSync(path.join(repo, generated), { recursive: true, force: true });
      }
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
