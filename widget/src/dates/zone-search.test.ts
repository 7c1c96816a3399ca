import { expect } from '@open-wc/testing';
import { COUNTRIES, NAMES, normalize, searchZones } from './zone-search.ts';

const KOLKATA = ['Asia/Kolkata', 'Asia/Calcutta']; // the same zone: Chrome lists the old name
const first = (query: string, lang = 'en') => searchZones(query, lang)[0];

describe('searchZones', () => {
  it('finds cities in any case, without accents, with spaces for underscores', () => {
    expect(first('New York')).to.equal('America/New_York');
    expect(first('new_york')).to.equal('America/New_York');
    expect(first('Berlin')).to.equal('Europe/Berlin');
    expect(first('Tokyo')).to.equal('Asia/Tokyo');
    expect(first('London')).to.equal('Europe/London');
    expect(first('São Paulo')).to.equal('America/Sao_Paulo');
    expect(first('buenos aires')).to.match(/Buenos_Aires$/);
    // A word inside a name, and the start of a name.
    expect(searchZones('york')).to.include('America/New_York');
    expect(searchZones('Los Ang')).to.deep.equal(['America/Los_Angeles']);
  });

  it('finds countries by their English name, their name in the language, and common aliases', () => {
    expect(first('India')).to.be.oneOf(KOLKATA);
    expect(first('Germany')).to.equal('Europe/Berlin');
    expect(first('Alemania', 'es')).to.equal('Europe/Berlin');
    expect(first('germany', 'es')).to.equal('Europe/Berlin');
    expect(first('UK')).to.equal('Europe/London');
    expect(first('United Kingdom')).to.equal('Europe/London');
    expect(first('Japan')).to.equal('Asia/Tokyo');
    expect(searchZones('Spain').slice(0, 2)).to.deep.equal(['Europe/Madrid', 'Atlantic/Canary']);
    expect(searchZones('United States').slice(0, 7)).to.deep.equal([
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Phoenix',
      'America/Los_Angeles',
      'America/Anchorage',
      'Pacific/Honolulu',
    ]);
  });

  it('finds zones by common abbreviations, exact ones before names that start alike', () => {
    expect(first('IST')).to.be.oneOf(KOLKATA);
    expect(searchZones('ist')).to.include('Europe/Istanbul');
    expect(searchZones('ist').indexOf('Europe/Istanbul')).to.be.greaterThan(2);
    expect(first('PST')).to.equal('America/Los_Angeles');
    expect(first('est')).to.equal('America/New_York');
    expect(searchZones('CET')).to.include.members(['Europe/Paris', 'Europe/Berlin', 'Europe/Madrid']);
    expect(first('JST')).to.equal('Asia/Tokyo');
    expect(first('UTC')).to.equal('UTC');
  });

  it('finds full IANA names and their areas', () => {
    expect(first('europe/madrid')).to.equal('Europe/Madrid');
    expect(first('America/New York')).to.equal('America/New_York');
    expect(searchZones('argentina')).to.include('America/Argentina/Salta'); // the middle of a name
    expect(searchZones('Europe')).to.have.length.greaterThan(30);
  });

  it('returns each zone once, in the names the browser knows', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    for (const query of ['India', 'IST', 'Kolkata', 'CET', 'United States', 'a']) {
      const found = searchZones(query);
      expect(new Set(found).size, query).to.equal(found.length);
      for (const zone of found) expect([...zones, 'UTC'], `${query}: ${zone}`).to.include(zone);
    }
  });

  it("names in its tables only cities of the browser's zones (Kolkata, Kyiv and Ho Chi Minh by Intl)", () => {
    const cities = new Set(Intl.supportedValuesOf('timeZone').map((zone) => zone.split('/').at(-1)));
    const renamed = ['Kolkata', 'Kyiv', 'Ho_Chi_Minh'];
    const words = `${COUNTRIES} ${NAMES}`.trim().split(/\s+/);
    const missing = words.filter(
      (word) => !/^[A-Z_]+$/.test(word) && !cities.has(word) && !renamed.includes(word),
    );
    expect(missing).to.deep.equal([]);
    expect(searchZones('Kyiv')[0]).to.be.oneOf(['Europe/Kyiv', 'Europe/Kiev']);
    expect(searchZones('Ho Chi Minh')[0]).to.be.oneOf(['Asia/Ho_Chi_Minh', 'Asia/Saigon']);
    expect(searchZones('Kolkata')[0]).to.be.oneOf(KOLKATA);
    expect(searchZones('Calcutta')[0]).to.be.oneOf(KOLKATA);
    expect(searchZones('Kiev')[0]).to.be.oneOf(['Europe/Kyiv', 'Europe/Kiev']);
    expect(searchZones('saigon')[0]).to.be.oneOf(['Asia/Ho_Chi_Minh', 'Asia/Saigon']);
    expect(searchZones('Mumbai')[0]).to.be.oneOf(KOLKATA);
    expect(searchZones('Beijing')[0]).to.equal('Asia/Shanghai');
  });

  it('searches the given list, and finds nothing for nothing', () => {
    expect(searchZones('lima', 'en', ['America/Lima', 'Europe/Lisbon'])).to.deep.equal(['America/Lima']);
    expect(searchZones('Mars')).to.deep.equal([]);
    expect(searchZones('  ')).to.deep.equal([]);
    expect(normalize(' Ciudad_de  México ')).to.equal('ciudad de mexico');
  });
});
