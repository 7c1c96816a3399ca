import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config.ts';

/**
 * docker-compose.yml and deploy/Caddyfile, the reference production shape, read as data: the
 * variables they set are ones the API reads, API processes run without jobs and drain for longer
 * than the load balancer's health interval, and every statement goes through PgBouncer except the
 * migration runner's (it holds a session-level advisory lock). No Docker engine runs in CI, so the
 * images themselves are not started here.
 */

const root = new URL('../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string> }>;
};
const caddyfile = readFileSync(new URL('deploy/Caddyfile', root), 'utf8');
const known = new Set(Object.keys(ConfigSchema.def.in.shape as Record<string, unknown>));
const app = ['migrate', 'api-1', 'api-2', 'worker'];

describe('docker-compose.yml', () => {
  it('sets only variables the API reads', () => {
    for (const name of app) {
      for (const variable of Object.keys(compose.services[name]!.environment ?? {})) {
        expect(known, `${name}: ${variable}`).toContain(variable);
      }
    }
  });

  it('runs two API processes without jobs and one worker, all through PgBouncer', () => {
    for (const name of ['api-1', 'api-2']) {
      const service = compose.services[name]!;
      expect(service.command).toEqual(['npm', 'run', 'serve']);
      expect(service.environment!.WORKER).toBe('off');
      expect(service.environment!.DATABASE_URL).toMatch(/@pgbouncer:6432\//);
      expect(service.environment!.REDIS_URL).toMatch(/^redis:\/\/redis:/);
    }
    expect(compose.services.worker!.command).toEqual(['npm', 'run', 'worker']);
    expect(compose.services.worker!.environment!.DATABASE_URL).toMatch(/@pgbouncer:6432\//);
    expect(compose.services.migrate!.environment!.DATABASE_URL).toMatch(/@postgres:5432\//);
  });

  it('balances over every API service, and they drain longer than the health interval', () => {
    const upstreams = /reverse_proxy ([^{]+)\{/.exec(caddyfile)![1]!.trim().split(/\s+/);
    expect(upstreams.sort()).toEqual(['api-1:3000', 'api-2:3000']);
    const interval = Number(/health_interval (\d+)s/.exec(caddyfile)![1]);
    expect(caddyfile).toMatch(/health_uri \/ready/);
    expect(Number(compose.services['api-1']!.environment!.DRAIN_SECONDS)).toBeGreaterThan(interval);
  });
});
