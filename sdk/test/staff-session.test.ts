import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, MaisAdmin, MaisAuth, MaisError } from '../src/index.ts';
import { startLiveApi, type LiveApi } from './helpers/live-api.ts';

let api: LiveApi;
const PASSWORD = 'a long enough password';

beforeAll(async () => {
  api = await startLiveApi({ NODE_ENV: 'development' });
  await api
    .admin()
    .staff.create({ email: 'console@studio.example', name: 'Console', role: 'manager', password: PASSWORD });
});
afterAll(() => api.close());

/**
 * A browser's cookie jar for Node's fetch, which keeps none: the session cookie the API sets is
 * sent back when the SDK asks for `credentials: 'include'`, as a browser would. Records each
 * request's credentials mode.
 */
function browserFetch() {
  let cookie = '';
  const modes: (RequestCredentials | undefined)[] = [];
  const fetchWithJar: typeof fetch = async (input, init = {}) => {
    modes.push(init.credentials);
    const headers = new Headers(init.headers);
    if (cookie && init.credentials === 'include') headers.set('cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    return response;
  };
  return { fetch: fetchWithJar, modes };
}

describe('a staff session through the SDK', () => {
  it('signs in with MaisAuth, calls the admin API as the account, finds the session again and signs out', async () => {
    const browser = browserFetch();
    const auth = new MaisAuth({ baseUrl: api.baseUrl, fetch: browser.fetch });
    const session = await auth.signIn({ email: 'console@studio.example', password: PASSWORD });
    expect(session.account).toMatchObject({
      role: 'manager',
      tenant: { timezone: api.tenant.tenant.timezone },
    });

    const admin = new MaisAdmin({
      baseUrl: api.baseUrl,
      fetch: browser.fetch,
      session: { csrfToken: session.csrfToken },
    });
    const created = await admin.resources.create({ name: 'Room by session', kind: 'room' });
    expect((await admin.resources.retrieve(created.id)).name).toBe('Room by session');
    expect(browser.modes.every((mode) => mode === 'include')).toBe(true);

    // A page that lost the token (another origin never had it) is refused on state changes.
    const forged = new MaisAdmin({
      baseUrl: api.baseUrl,
      fetch: browser.fetch,
      session: { csrfToken: 'forged' },
    });
    await expect(forged.resources.create({ name: 'Forged', kind: 'room' })).rejects.toMatchObject({
      status: 403,
      code: 'csrf_failed',
    });

    expect(await auth.current()).toEqual(session);
    await admin.session.signOut();
    expect(await auth.current()).toBeNull();
    await expect(admin.resources.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(await api.db.resource.count({ where: { name: 'Forged' } })).toBe(0);
  });

  it('refuses to build an admin client without a secret key or a session token', () => {
    expect(() => new MaisAdmin({ baseUrl: api.baseUrl, session: { csrfToken: '' } })).toThrow(MaisError);
    expect(() => new MaisAdmin({ baseUrl: api.baseUrl } as never)).toThrow(/secretKey .* or session/);
  });
});
