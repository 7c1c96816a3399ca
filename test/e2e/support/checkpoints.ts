import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { E2E_RESULTS } from './results-dir.ts';

const SCREENSHOTS = path.join(E2E_RESULTS, 'screenshots');

/**
 * At each step of a flow: a screenshot, kept as an artifact at
 * test-results/e2e/screenshots/<test>/<NN-step>.png and attached to the report, and an axe-core
 * check of the whole page, widget included (axe enters open shadow roots), with every rule axe runs
 * by default (the WCAG A and AA rules and axe's best practices).
 */
export class Checkpoints {
  private count = 0;

  constructor(
    private readonly page: Page,
    private readonly testInfo: TestInfo,
  ) {}

  async step(name: string): Promise<void> {
    this.count += 1;
    const file = path.join(
      SCREENSHOTS,
      slug(this.testInfo.titlePath.slice(1).join(' ')),
      `${String(this.count).padStart(2, '0')}-${slug(name)}.png`,
    );
    mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, fullPage: true });
    await this.testInfo.attach(name, { path: file, contentType: 'image/png' });
    await expectNoAxeViolations(this.page, name);
  }
}

export async function expectNoAxeViolations(page: Page, step: string): Promise<void> {
  // One frame (the console, most widget pages): axe.run in the page itself. AxeBuilder's default
  // (runPartial per frame, then finishRun in a new blank page) opens a page per check, which costs
  // about a second each; with frames, that default is what sees inside them.
  const results = await new AxeBuilder({ page }).setLegacyMode(page.frames().length === 1).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations, `axe violations at "${step}"`).toEqual([]);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
