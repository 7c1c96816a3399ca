import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { MaisBooking } from '../components/mais-booking/mais-booking.component.ts';
import '../components/mais-booking/mais-booking.ts';
import { en } from '../i18n/en.ts';
import { localeFiles, type TableModule } from '../i18n/locale-files.ts';
import { loadedTranslation } from '../i18n/translations.ts';
import { renderBooking } from '../testing/booking-steps.ts';
import { deepAll, headingOf, waitForHeading } from '../testing/dom.ts';
import { FakeApi } from '../testing/fake-api.ts';
import { LocalizeController } from './localize.controller.ts';

/** A host showing one text, counting its renders. */
class LocalizeProbe extends LitElement {
  static override properties = { locale: {} };
  declare locale: string | undefined;
  readonly l10n = new LocalizeController(this);
  renders: string[] = [];

  override render() {
    this.renders.push(this.l10n.t.chooseService);
    return html`<p>${this.l10n.t.chooseService}</p>`;
  }
}
customElements.define('localize-probe', LocalizeProbe);

/** Counts each language's loads (the real loaders are called through), until `restore()`. */
function countLoads() {
  const real = { ...localeFiles };
  const loads: Record<string, number> = {};
  for (const [language, load] of Object.entries(real)) {
    localeFiles[language] = () => {
      loads[language] = (loads[language] ?? 0) + 1;
      return load();
    };
  }
  return {
    loads,
    real,
    restore: () => {
      for (const key of Object.keys(localeFiles)) delete localeFiles[key];
      Object.assign(localeFiles, real);
    },
  };
}

/** Language files this page has fetched (from sources: src/i18n/<lang>.ts; built: /locales/…). */
const fetchedLanguageFiles = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\/i18n\/(?!en\.ts)[a-z]{2,3}\.ts$|\/locales\//.test(path));

const EN_STEP_TEXTS = [
  en.chooseService,
  en.chooseProvider,
  en.chooseDayAndTime,
  en.noServices,
  en.errorNetwork,
];

describe('LocalizeController: languages on demand', () => {
  let counter: ReturnType<typeof countLoads>;
  beforeEach(() => (counter = countLoads()));
  afterEach(() => counter.restore());

  // First: it checks that nothing but English was fetched on this page.
  it('in English, requests no language file and renders the steps at once', async () => {
    const { el } = await renderBooking({ locale: 'en-US' });
    expect(el.l10n.language).to.equal('en');
    expect(el.l10n.loaded).to.equal(true);
    await waitForHeading(el, 'Choose a service');
    expect(counter.loads).to.deep.equal({});
    expect(fetchedLanguageFiles()).to.deep.equal([]);
  });

  it('in Spanish, shows the skeleton until the table arrives, never English, and fetches it once', async () => {
    // Precondition: Spanish is not loaded on this page yet (else this would prove nothing).
    expect(loadedTranslation('es')).to.equal(undefined);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const loadSpanish = localeFiles.es!;
    localeFiles.es = () => held.then(loadSpanish);

    // Every render of the widget, from its first.
    const api = new FakeApi();
    const el = document.createElement('mais-booking') as MaisBooking;
    Object.assign(el, { locale: 'es', timezone: 'UTC', client: api.client() });
    const renders: { loaded: boolean; heading: string; text: string }[] = [];
    el.addController({
      hostUpdated: () =>
        renders.push({ loaded: el.l10n.loaded, heading: headingOf(el), text: el.shadowRoot!.textContent! }),
    });
    // A second widget on the page, in Mexican Spanish: the same file.
    const other = await fixture<LocalizeProbe>(html`<localize-probe locale="es-MX"></localize-probe>`);
    document.body.append(el);
    try {
      // The catalog is here before the language: the widget waits on its skeleton.
      await waitUntil(() => el.tenant, 'the tenant');
      await el.updateComplete;
      expect(el.l10n.loaded).to.equal(false);
      expect(headingOf(el)).to.equal('');
      expect(deepAll(el, '.skeleton')).to.have.length(1);

      release();
      await el.l10n.ready;
      await waitForHeading(el, 'Elige un servicio');
      await waitUntil(() => other.renders.includes('Elige un servicio'), 'the other widget in Spanish');
      expect(counter.loads).to.deep.equal({ es: 1 });
      expect(renders.filter((render) => render.heading).map((render) => render.heading)[0]).to.equal(
        'Elige un servicio',
      );
      for (const render of renders) {
        for (const english of EN_STEP_TEXTS) expect(render.text).not.to.contain(english);
        if (!render.loaded) expect(render.heading).to.equal('');
      }
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('falls back to English for a language without a table, with no request', async () => {
    const probe = await fixture<LocalizeProbe>(html`<localize-probe locale="xx"></localize-probe>`);
    expect(probe.l10n.lang).to.equal('xx');
    expect(probe.l10n.language).to.equal('en');
    expect(probe.l10n.loaded).to.equal(true);
    expect(probe.renders).to.deep.equal(['Choose a service']);
    const { el } = await renderBooking({ locale: 'xx' });
    await waitForHeading(el, 'Choose a service');
    expect(counter.loads).to.deep.equal({});
  });

  it('falls back to English when the file fails to load, warning once, and the widget works', async () => {
    const warned: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args);
    localeFiles.pt = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const { el } = await renderBooking({ locale: 'pt-BR' });
      const probe = await fixture<LocalizeProbe>(html`<localize-probe locale="pt"></localize-probe>`);
      await el.l10n.ready;
      await waitForHeading(el, 'Choose a service');
      expect(el.l10n.loaded).to.equal(true);
      expect(el.l10n.t).to.equal(en);
      await probe.l10n.ready;
      await probe.updateComplete;
      expect(probe.renders.at(-1)).to.equal('Choose a service');
      expect(warned).to.have.length(1);
      expect(String(warned[0]![0])).to.contain('"pt" texts could not be loaded');
    } finally {
      console.warn = warn;
    }
  });

  it('follows a locale changed later: loads the new language, then updates the host', async () => {
    const table: TableModule = { default: { ...en, $code: 'de', chooseService: 'Dienst wählen' } };
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    localeFiles.de = () => held.then(() => table);
    const probe = await fixture<LocalizeProbe>(html`<localize-probe locale="en"></localize-probe>`);
    probe.locale = 'de-AT';
    await probe.updateComplete;
    expect(probe.l10n.loaded).to.equal(false);
    release();
    await probe.l10n.ready;
    await probe.updateComplete;
    expect(probe.l10n.loaded).to.equal(true);
    expect(probe.renders).to.deep.equal(['Choose a service', 'Choose a service', 'Dienst wählen']);
    expect(counter.loads).to.deep.equal({});
  });
});

describe('LocalizeController: dates and times', () => {
  const instant = '2026-12-01T09:05:00Z';

  for (const locale of ['en-US', 'en-GB', 'es', 'de', 'fr', 'es-MX']) {
    it(`writes the time in dateTime as time writes it (${locale})`, async () => {
      const probe = await fixture<LocalizeProbe>(html`<localize-probe locale=${locale}></localize-probe>`);
      const { l10n } = probe;
      const time = l10n.time(instant, 'UTC');
      expect(l10n.dateTime(instant, 'UTC')).to.contain(time);
      expect(l10n.dateTime(instant, 'UTC')).to.contain('2026');
      // Same field, not padded ("9:05", never "09:05" beside it).
      expect(time).to.match(/^9:05/);
      expect(l10n.dateTime(instant, 'UTC')).not.to.contain('09:05');
    });
  }

  it('writes the whole date and time', async () => {
    const en = await fixture<LocalizeProbe>(html`<localize-probe locale="en-US"></localize-probe>`);
    expect(en.l10n.dateTime(instant, 'Europe/Madrid')).to.equal('Tuesday, December 1, 2026 at 10:05 AM');
    const es = await fixture<LocalizeProbe>(html`<localize-probe locale="es"></localize-probe>`);
    expect(es.l10n.dateTime(instant, 'Europe/Madrid')).to.equal('martes, 1 de diciembre de 2026, 10:05');
  });
});
