import { MaisAdmin, MaisAuth, type StaffSession } from '@mais/sdk';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../auth/password-link-view.ts';
import '../auth/sign-in-view.ts';
import { errorText } from '../ui/api-error.ts';
import { consoleStyles } from '../ui/console.styles.ts';
import { AREAS, areaEntry } from './areas.ts';
import type { ConsoleContext } from './console-context.ts';
import { parseHash, type AreaId, type ConsoleRoute } from './routes.ts';

type Phase =
  | { kind: 'starting' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; ctx: ConsoleContext }
  | { kind: 'failed'; message: string };

/**
 * <mais-console>: the whole console. It finds the session (or shows sign-in), draws the header and
 * the navigation, loads the open area's module on first use and hands it the context and route.
 */
@customElement('mais-console')
export class MaisConsole extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      .root {
        min-height: 100vh;
        background: var(--_surface);
        color: var(--_text);
        display: grid;
        grid-template-columns: 13rem 1fr;
        grid-template-rows: auto 1fr;
        grid-template-areas: 'header header' 'nav main';
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: 0.5rem;
        top: 0.5rem;
        z-index: 10;
        background: var(--_surface);
        padding: 0.5rem;
      }
      header {
        grid-area: header;
        display: flex;
        align-items: center;
        gap: 1rem;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--_line);
      }
      header .business {
        font-weight: 700;
        margin-right: auto;
      }
      nav {
        grid-area: nav;
        border-right: 1px solid var(--_soft);
        padding: 1rem 0.5rem;
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: block;
        padding: 0.6rem 0.8rem;
        border-radius: var(--_radius);
        color: var(--_text);
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        background: var(--_soft);
        font-weight: 700;
        color: var(--_primary);
      }
      main {
        grid-area: main;
        padding: 1.25rem;
        min-width: 0;
      }
      main:focus {
        outline: none;
      }
      .menu-button {
        display: none;
      }
      .who {
        color: var(--_muted);
      }
      .toast {
        position: fixed;
        bottom: 1rem;
        right: 1rem;
        background: var(--_text);
        color: var(--_surface);
        padding: 0.75rem 1rem;
        border-radius: var(--_radius);
        max-width: 22rem;
      }
      .toast:empty {
        display: none;
      }
      @media (max-width: 800px) {
        .root {
          grid-template-columns: 1fr;
          grid-template-areas: 'header' 'nav' 'main';
        }
        .menu-button {
          display: inline-flex;
        }
        nav {
          border-right: 0;
          border-bottom: 1px solid var(--_soft);
          padding: 0.25rem 0.5rem;
        }
        nav[data-open='false'] {
          display: none;
        }
        .who {
          display: none;
        }
        main {
          padding: 1rem 0.75rem;
        }
      }
    `,
  ];

  @state() private phase: Phase = { kind: 'starting' };
  @state() private route: ConsoleRoute = parseHash(location.hash);
  @state() private menuOpen = false;
  @state() private loadedAreas = new Set<AreaId>();
  @state() private areaError = '';
  @state() private toast = '';
  @query('main') private main?: HTMLElement;

  private readonly auth = new MaisAuth({ baseUrl: location.origin });
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onHashChange = () => this.navigated();

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('hashchange', this.onHashChange);
    void this.resume();
  }

  override disconnectedCallback() {
    removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  private async resume() {
    // The open area's module loads while the session is asked for: one round trip less before the
    // first page (a signed-out visitor has fetched a module it will use after signing in).
    if (this.route.kind === 'area')
      void areaEntry(this.route.area)
        .load()
        .catch(() => undefined);
    try {
      const session = await this.auth.current();
      this.phase = session ? { kind: 'signedIn', ctx: this.contextOf(session) } : { kind: 'signedOut' };
      if (session) void this.loadArea();
    } catch (error) {
      this.phase = { kind: 'failed', message: errorText(error) };
    }
  }

  private contextOf(session: StaffSession): ConsoleContext {
    const { account } = session;
    return {
      admin: new MaisAdmin({ baseUrl: location.origin, session: { csrfToken: session.csrfToken } }),
      account,
      zone: account.tenant.timezone,
      currency: account.tenant.currency.toUpperCase(),
      may: (area) => areaEntry(area).roles.includes(account.role),
      announce: (message) => this.announce(message),
    };
  }

  private navigated() {
    this.route = parseHash(location.hash);
    this.menuOpen = false;
    void this.loadArea().then(() => this.main?.focus());
  }

  private async loadArea() {
    if (this.route.kind !== 'area' || this.loadedAreas.has(this.route.area)) return;
    const area = this.route.area;
    try {
      await areaEntry(area).load();
      this.loadedAreas = new Set([...this.loadedAreas, area]);
      this.areaError = '';
    } catch {
      this.areaError = 'This page could not be loaded. Reload to try again.';
    }
  }

  private announce(message: string) {
    this.toast = message;
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => (this.toast = ''), 6000);
  }

  private async signOut() {
    if (this.phase.kind !== 'signedIn') return;
    try {
      await this.phase.ctx.admin.session.signOut();
    } catch {
      // The cookie may already be gone; either way this browser is signed out.
    }
    this.phase = { kind: 'signedOut' };
    location.hash = '#/';
  }

  override render() {
    const route = this.route;
    if (route.kind === 'accept' || route.kind === 'reset' || route.kind === 'forgot') {
      return html`<mais-password-link
        .auth=${this.auth}
        mode=${route.kind}
        token=${route.kind === 'forgot' ? '' : route.token}
      ></mais-password-link>`;
    }
    switch (this.phase.kind) {
      case 'starting':
        return html`<p class="muted" role="status" data-theme="light">Loading…</p>`;
      case 'failed':
        return html`<main data-theme="light">
          <h1>The console could not start</h1>
          <p class="error">${this.phase.message}</p>
        </main>`;
      case 'signedOut':
        return html`<mais-sign-in
          .auth=${this.auth}
          @signed-in=${(event: CustomEvent<StaffSession>) => {
            this.phase = { kind: 'signedIn', ctx: this.contextOf(event.detail) };
            void this.loadArea();
          }}
        ></mais-sign-in>`;
      case 'signedIn':
        return this.signedIn(this.phase.ctx);
    }
  }

  private signedIn(ctx: ConsoleContext) {
    const route = this.route;
    const current = route.kind === 'area' ? route.area : undefined;
    return html`
      <div class="root" data-theme="light">
        <header>
          <!-- A button, not a link: the hash holds the console's address, so "#main" would navigate. -->
          <button class="btn skip" @click=${() => this.main?.focus()}>Skip to content</button>
          <button
            class="btn btn--quiet menu-button"
            aria-expanded=${this.menuOpen ? 'true' : 'false'}
            aria-controls="console-nav"
            @click=${() => (this.menuOpen = !this.menuOpen)}
          >
            Menu
          </button>
          <span class="business">${ctx.account.tenant.name}</span>
          <span class="who">${ctx.account.name} (${ctx.account.role})</span>
          <button class="btn btn--quiet" @click=${this.signOut}>Sign out</button>
        </header>
        <nav id="console-nav" aria-label="Console" data-open=${this.menuOpen ? 'true' : 'false'}>
          <ul>
            ${AREAS.filter((area) => ctx.may(area.id)).map(
              (area) =>
                html`<li>
                  <a href="#/${area.id}" aria-current=${current === area.id ? 'page' : nothing}
                    >${area.label}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <main id="main" tabindex="-1">${this.areaView(ctx)}</main>
        <div class="toast" role="status" aria-live="polite">${this.toast}</div>
      </div>
    `;
  }

  private areaView(ctx: ConsoleContext) {
    const route = this.route;
    if (route.kind !== 'area') {
      return html`<h1>Page not found</h1>
        <p>There is no page at this address. <a href="#/today">Go to Today</a>.</p>`;
    }
    if (!ctx.may(route.area)) {
      return html`<h1>Not available</h1>
        <p>Your account (${ctx.account.role}) cannot open this page.</p>`;
    }
    if (this.areaError) return html`<p class="error" role="alert">${this.areaError}</p>`;
    if (!this.loadedAreas.has(route.area)) return html`<p class="muted" role="status">Loading…</p>`;
    const tag = unsafeStatic(areaEntry(route.area).tag);
    return staticHtml`<${tag} .ctx=${ctx} .route=${{ path: route.path, query: route.query }}></${tag}>`;
  }
}
