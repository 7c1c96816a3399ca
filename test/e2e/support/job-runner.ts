import { spawn, type ChildProcess } from 'node:child_process';
import { serverInfo } from './server-info.ts';

/**
 * The job runner (`npm run worker`: api/src/run-worker.ts) on the e2e database, for the specs
 * that need jobs done (the e2e server runs none: serve.ts). It is the production one, with every
 * feature: it also dispatches what earlier specs left in the history (their emails are built as
 * SKIPPED, there is no Postmark token). The same ENCRYPTION_KEY as serve.ts, so it opens what the
 * API sealed (webhook secrets).
 */
export async function startJobRunner(timeoutMs = 60_000): Promise<{ stop(): Promise<void> }> {
  const { databaseUrl, baseUrl } = serverInfo();
  // Node itself (not npx) so that stopping it reaches the worker and it closes gracefully.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/src/run-worker.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'info',
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for the error message, and read to the end so a full pipe never blocks the worker.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the job runner did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    child.stdout!.on('data', () => {
      if (output.includes('worker started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the job runner exited (${code}):\n${output}`));
    });
  });
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
