import { expect } from '@open-wc/testing';
import { en } from './en.ts';
import { es } from './es.ts';
import { localeFiles, localeUrl, type TableModule } from './locale-files.ts';
import { languageOf, loadedTranslation, loadTranslation } from './translations.ts';

/** Adds a language whose file `load` gives, counting the loads; removed after each test. */
function fakeLanguage(language: string, load: () => Promise<TableModule>): { loads: number } {
  const counter = { loads: 0 };
  localeFiles[language] = () => {
    counter.loads += 1;
    return load();
  };
  return counter;
}

/** console.warn's calls while `run` runs. */
async function warnings(run: () => Promise<unknown>): Promise<unknown[][]> {
  const calls: unknown[][] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void calls.push(args);
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return calls;
}

describe('language tables', () => {
  afterEach(() => {
    for (const fake of ['de', 'fr', 'it', 'pt']) delete localeFiles[fake];
  });

  it('picks the table by language, English for languages without one', () => {
    expect(languageOf('es')).to.equal('es');
    expect(languageOf('es-MX')).to.equal('es');
    expect(languageOf('ES-es')).to.equal('es');
    expect(languageOf('en-GB')).to.equal('en');
    expect(languageOf('xx')).to.equal('en');
    expect(languageOf('')).to.equal('en');
    // Not a language: names every object has.
    expect(languageOf('constructor')).to.equal('en');
    expect(languageOf('__proto__')).to.equal('en');
  });

  it('has English built in, and only English, before anything is loaded', () => {
    expect(loadedTranslation('en')).to.equal(en);
    expect(Object.keys(localeFiles)).to.deep.equal(['es']);
  });

  it('loads a language once however many ask at once, and keeps it', async () => {
    const fake = fakeLanguage('de', async () => ({ default: { ...en, $code: 'de', back: 'Zurück' } }));
    expect(loadedTranslation('de')).to.equal(undefined);
    const [first, second] = await Promise.all([loadTranslation('de'), loadTranslation('de')]);
    expect(first.back).to.equal('Zurück');
    expect(second).to.equal(first);
    expect(loadedTranslation('de')).to.equal(first);
    expect(await loadTranslation('de')).to.equal(first);
    expect(fake.loads).to.equal(1);
  });

  it('loads Spanish from its module (from sources: es.ts itself)', async () => {
    const table = await loadTranslation('es');
    expect(table).to.equal(es);
    expect(table.chooseService).to.equal('Elige un servicio');
  });

  it('falls back to English when a file fails to load, saying so once', async () => {
    const fake = fakeLanguage('fr', () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    const warned = await warnings(async () => {
      expect(await Promise.all([loadTranslation('fr'), loadTranslation('fr')])).to.deep.equal([en, en]);
      expect(await loadTranslation('fr')).to.equal(en);
    });
    expect(fake.loads).to.equal(1);
    expect(warned).to.have.length(1);
    expect(String(warned[0]![0])).to.contain('"fr" texts could not be loaded');
    expect(loadedTranslation('fr')).to.equal(en);
  });

  it('falls back to English when a file holds no table', async () => {
    fakeLanguage('it', async () => ({ default: undefined }) as unknown as TableModule);
    const warned = await warnings(async () => expect(await loadTranslation('it')).to.equal(en));
    expect(warned).to.have.length(1);
  });

  it('answers English, loading nothing, for a language without a file', async () => {
    const warned = await warnings(async () => expect(await loadTranslation('en')).to.equal(en));
    expect(warned).to.have.length(0);
  });

  it('puts the built files on the API, beside widget.js', () => {
    expect(localeUrl('es.751ed1e5.js', 'https://api.example.com')).to.equal(
      'https://api.example.com/locales/es.751ed1e5.js',
    );
    expect(localeUrl('es.751ed1e5.js', 'http://localhost:3000')).to.equal(
      'http://localhost:3000/locales/es.751ed1e5.js',
    );
  });
});
