/** What the first-slots benchmark prints: its runs summed up per condition, and where the time went. */
import os from 'node:os';
import type { DemoServerInfo } from './demo-server.ts';
import { CATEGORIES, type Category, type LoggedRequest } from './network-log.ts';
import { kilobytes, ms, printTable, spread } from './stats.ts';
import type { Sighting, WidgetTimes } from './widget-watch.ts';

/** One navigation, measured. */
export interface Run {
  ok: boolean;
  /** Page times (ms since navigation start). */
  firstSlots: number;
  /** When each kind of element was first visible. */
  seen: WidgetTimes['seen'];
  clicks: string[];
  clickTimes: number[];
  /** Requests sent before the first slots were visible (their bytes counted in full). */
  before: LoggedRequest[];
  /** Requests sent after, until the page was quiet. */
  after: LoggedRequest[];
  note?: string;
}

export interface Result {
  condition: string;
  cold: Run[];
  warm: Run[];
}

/** The table over all conditions, then the requests of each condition's median cold run. */
export function report(info: DemoServerInfo, results: Result[], runCount: number) {
  const columns = results.flatMap(({ condition, cold, warm }) => [
    { title: `${condition} cold`, runs: cold },
    { title: `${condition} warm`, runs: warm },
  ]);
  const okRuns = (runs: Run[]) => runs.filter((run) => run.ok);
  const row = (label: string, cell: (runs: Run[]) => string) => [
    label,
    ...columns.map(({ runs }) => (okRuns(runs).length ? cell(okRuns(runs)) : '–')),
  ];
  const count = (runs: Run[], pick: (run: Run) => LoggedRequest[]) =>
    spread(runs.map((run) => pick(run).filter((request) => !request.fromCache).length));
  const bytes = (runs: Run[], category?: Category) =>
    spread(
      runs.map((run) =>
        run.before
          .filter((request) => !category || request.category === category)
          .reduce((sum, request) => sum + request.bytes, 0),
      ),
      kilobytes,
    );
  const times = (values: number[]) => spread(values, ms);
  const rows = [
    row('first slots visible (ms)', (runs) => times(runs.map((run) => run.firstSlots))),
    row('  minus the bench waiting before clicks (ms)', (runs) =>
      times(runs.map((run) => run.firstSlots - reactionTime(run))),
    ),
    row('  provider choice visible (ms)', (runs) => sighting(runs, 'choices')),
    row('  first open day visible (ms)', (runs) => sighting(runs, 'days')),
    row('  last click → slots visible (ms)', (runs) =>
      runs.every((run) => run.clickTimes.length)
        ? times(runs.map((run) => run.firstSlots - run.clickTimes.at(-1)!))
        : '–',
    ),
    row('  clicks needed', (runs) => summariseClicks(runs)),
    row('requests to first slots (network)', (runs) => count(runs, (run) => run.before)),
    ...CATEGORIES.map((category) =>
      row(`  ${category}`, (runs) => count(runs, (run) => run.before.filter((r) => r.category === category))),
    ),
    row('  still in flight when the slots showed', (runs) =>
      spread(runs.map((run) => run.before.filter((request) => !(request.end! <= run.firstSlots)).length)),
    ),
    row('  from the browser cache', (runs) =>
      spread(runs.map((run) => run.before.filter((request) => request.fromCache).length)),
    ),
    row('KB on the wire to first slots', (runs) => bytes(runs)),
    ...CATEGORIES.map((category) => row(`  ${category}`, (runs) => bytes(runs, category))),
    row('requests after, until quiet', (runs) => count(runs, (run) => run.after)),
    // Over all runs: the other rows leave out those that failed.
    ['runs that showed times', ...columns.map(({ runs }) => `${okRuns(runs).length}/${runs.length}`)],
  ];

  console.log(
    `\nFirst slots: ${info.pageUrl} (service ${info.service.name}; widget ${info.widgetUrl}, built ${info.widgetBuiltAt}); ` +
      `median (min–max) of ${runCount} runs; KB = 1,024 bytes as received (headers + encoded body).`,
  );
  printTable(['', ...columns.map((column) => column.title)], rows);
  for (const { condition, cold } of results) printWaterfall(condition, cold);
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? '?'}, node ${process.version}, ${process.env.CHROMIUM_PATH}.`,
  );
}

/** The median time `what` was first seen, if every run saw it. */
function sighting(runs: Run[], what: Sighting): string {
  return runs.every((run) => run.seen[what] !== undefined)
    ? spread(
        runs.map((run) => run.seen[what]!),
        ms,
      )
    : '–';
}

/** The time between each click and what the bench clicked on becoming visible: the bench's, not the widget's. */
function reactionTime(run: Run): number {
  const sightings = Object.values(run.seen).filter((time) => time !== run.firstSlots);
  return run.clickTimes.reduce((sum, click) => {
    const before = sightings.filter((time) => time <= click);
    return before.length ? sum + click - Math.max(...before) : sum;
  }, 0);
}

function summariseClicks(runs: Run[]): string {
  const kinds = new Map<string, number>();
  for (const run of runs) {
    const key = run.clicks.length ? run.clicks.join(' + ') : 'none';
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  return [...kinds].map(([key, n]) => `${key} ${n}/${runs.length}`).join(', ');
}

/** The requests of the median cold run, in order: what the time went on. */
function printWaterfall(name: string, runs: Run[]) {
  const ok = runs.filter((run) => run.ok).sort((a, b) => a.firstSlots - b.firstSlots);
  const run = ok[Math.floor((ok.length - 1) / 2)];
  if (!run) return;
  const marks = [
    ...(run.seen.choices === undefined ? [] : [`provider choice visible ${ms(run.seen.choices)}`]),
    ...(run.seen.days === undefined ? [] : [`open day visible ${ms(run.seen.days)}`]),
    ...run.clickTimes.map((time) => `click ${ms(time)}`),
    `slots visible ${ms(run.firstSlots)}`,
  ];
  console.log(`\nMedian ${name} cold run (ms since navigation start; ${marks.join(', ')}):`);
  printTable(
    ['request', 'category', 'status', 'sent', 'done', 'bytes'],
    [...run.before, ...run.after].map((request) => {
      const { pathname, search } = new URL(request.url);
      // Ids shortened, so the query shows (what each request asks for).
      const path = decodeURIComponent(`${pathname}${search}`).replace(
        /[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g,
        ':id',
      );
      return [
        `${request.start > run.firstSlots ? '(after) ' : ''}${path.length > 100 ? `${path.slice(0, 97)}...` : path}`,
        request.category,
        request.failed ?? String(request.status ?? '?'),
        ms(request.start),
        request.end === undefined ? '?' : ms(request.end),
        request.fromCache ? 'cache' : String(request.bytes),
      ];
    }),
  );
}
