import { supportedTimeZones } from './zones.ts';

/**
 * Finding time zones by what people type: the city of any IANA name ("New York", "sao paulo"), a
 * country in the widget's language or in English ("India", "Alemania", "UK"), or a common
 * abbreviation ("PST", "CET", "IST"). Countries are named by Intl.DisplayNames, so only their ISO
 * codes and zones ship (the whole widget has a 30 KB budget).
 *
 * Both tables are words: names in capitals (an ISO 3166 code first, in COUNTRIES), each run followed
 * by the cities of the zones they stand for (not capitalised), found in the browser's own list.
 */

// About 60 of the most populous or most searched countries and their main zones, most populous first.
// Countries named like their zone's city (Singapore, Panama, Hong Kong…) are found by the city.
export const COUNTRIES = `
  US USA New_York Chicago Denver Phoenix Los_Angeles Anchorage Honolulu
  CA Toronto Vancouver Edmonton Winnipeg Halifax St_Johns MX Mexico_City Cancun Tijuana
  BR Sao_Paulo Manaus AR Buenos_Aires CO Bogota PE Lima CL Santiago VE Caracas EC Guayaquil
  CU Havana DO Santo_Domingo BO La_Paz UY Montevideo PY Asuncion
  GB UK London IE Dublin FR Paris DE Berlin ES Madrid Canary PT Lisbon Azores IT Rome
  NL Amsterdam BE Brussels CH Zurich AT Vienna SE Stockholm NO Oslo DK Copenhagen FI Helsinki
  PL Warsaw CZ Prague HU Budapest RO Bucharest GR Athens UA Kyiv
  RU Moscow Yekaterinburg Novosibirsk Vladivostok TR Istanbul IL Jerusalem SA Riyadh AE Dubai
  EG Cairo IR Tehran PK Karachi IN Kolkata BD Dhaka CN Shanghai TW Taipei JP Tokyo KR Seoul
  PH Manila VN Ho_Chi_Minh TH Bangkok MY Kuala_Lumpur ID Jakarta Makassar Jayapura
  AU Sydney Melbourne Brisbane Adelaide Perth NZ Auckland
  NG Lagos ZA Johannesburg KE Nairobi MA Casablanca
`;

// Abbreviations people use for zones (some stand for several), big cities no zone is named after,
// and both names of renamed cities (a browser lists one: Chrome Asia/Calcutta, Firefox Asia/Kolkata).
export const NAMES = `
  GMT BST London PST PDT PT Los_Angeles MST MDT MT Denver Phoenix CST CDT CT Chicago Shanghai
  EST EDT ET New_York AKST Anchorage HST Honolulu AST Halifax BRT Sao_Paulo ART Buenos_Aires
  WET Lisbon CET CEST Paris Berlin Madrid Rome EET EEST Athens Helsinki Kyiv Cairo MSK Moscow
  MUMBAI DELHI KOLKATA CALCUTTA Kolkata IST Kolkata Jerusalem Dublin PKT Karachi GST Dubai
  ICT Bangkok WIB Jakarta KYIV KIEV Kyiv HO_CHI_MINH SAIGON Ho_Chi_Minh BEIJING Shanghai
  HKT Hong_Kong SGT Singapore PHT Manila JST Tokyo KST Seoul
  AEST AEDT Sydney Melbourne Brisbane ACST Adelaide AWST Perth NZST NZDT Auckland
  SAST Johannesburg WAT Lagos EAT Nairobi
`;

const cityOf = (zone: string) => zone.slice(zone.lastIndexOf('/') + 1);

/**
 * The entries of a table, [names, zones], with the zones as the browser names them: from its list,
 * else through Intl for cities renamed since (Kolkata is Asia/Calcutta in Chrome's list, Kyiv
 * Europe/Kiev; Firefox lists the new names).
 */
function parse(table: string, zones: string[]): [string[], string[]][] {
  const byCity = new Map(zones.map((zone) => [cityOf(zone), zone]));
  const entries: [string[], string[]][] = [];
  for (const word of table.trim().split(/\s+/)) {
    let entry = entries.at(-1);
    if (/^[A-Z_]+$/.test(word)) {
      if (!entry || entry[1].length > 0) entries.push((entry = [[], []]));
      entry[0].push(word);
    } else {
      const zone = byCity.get(word) ?? canonical(`Asia/${word}`) ?? canonical(`Europe/${word}`);
      if (zone) entry![1].push(zone);
    }
  }
  return entries;
}

/** The browser's own name for a zone, or undefined for a zone it does not know. */
function canonical(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Lower case, without accents, underscores and dashes as spaces: "São_Paulo" → "sao paulo". */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/**
 * The zones matching `query`, best first: an exact name, then names starting with it, then names
 * with a word starting with it. `lang` names the countries; `zones` is the browser's list.
 */
export function searchZones(query: string, lang = 'en', zones = supportedTimeZones()): string[] {
  const q = normalize(query);
  if (!q) return [];
  const scores = new Map<string, number>();
  const match = (candidates: (string | undefined)[], found: string[]) => {
    for (const candidate of candidates) {
      const name = normalize(candidate ?? '');
      const score =
        name === q ? 0 : name.startsWith(q) ? 1 : name.includes(` ${q}`) || name.includes(`/${q}`) ? 2 : 3;
      if (score < 3) for (const zone of found) if ((scores.get(zone) ?? 3) > score) scores.set(zone, score);
    }
  };
  for (const [names, found] of parse(NAMES, zones)) match(names, found);
  const regions = [lang, 'en'].map((l) => new Intl.DisplayNames(l, { type: 'region', fallback: 'none' }));
  for (const [names, found] of parse(COUNTRIES, zones))
    match([...names, ...regions.map((region) => region.of(names[0]!))], found);
  for (const zone of zones) match([cityOf(zone), zone], [zone]);
  return [...scores].sort((a, b) => a[1] - b[1]).map(([zone]) => zone);
}
