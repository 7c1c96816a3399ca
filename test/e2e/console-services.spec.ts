import { expect, test, type Page } from '@playwright/test';
import { Checkpoints } from './support/checkpoints.ts';
import { flowViewports, openArea, signInToConsole } from './support/console.ts';
import { query, serverInfo } from './support/server-info.ts';

/**
 * The console's Services area: a service created with a deposit, a no-show fee, reminders and a
 * resource (after a duration of 0 is refused next to its field); an edit that PATCHes only what
 * changed; its own cancellation policy with the plain-words preview, then back to the default; an
 * intake form with all seven kinds of question, reordered by drag and by keyboard; two providers
 * offering it, one at its own price; the public API listing it; deactivation and the inactive
 * filter. Each width makes its own service (the name carries the width).
 */

interface StoredService {
  id: string;
  durationMinutes: number;
  priceBaseCents: number;
  paymentMode: string;
  depositPercent: number | null;
  depositCents: number | null;
  noShowFeeCents: number | null;
  noShowFeePercent: number | null;
  reminderOffsetsMinutes: number[];
  description: string;
  active: boolean;
}

const storedService = async (name: string) =>
  (
    await query<StoredService>(
      `SELECT id, "durationMinutes", "priceBaseCents", "paymentMode", "depositPercent", "depositCents",
              "noShowFeeCents", "noShowFeePercent", "reminderOffsetsMinutes", description, active
         FROM services WHERE name = $1`,
      [name],
    )
  )[0];

const providerId = async (name: string) =>
  (await query<{ id: string }>('SELECT id FROM providers WHERE name = $1', [name]))[0]!.id;

const providerServices = (id: string) =>
  query<{ serviceId: string; priceOverrideCents: number | null }>(
    'SELECT "serviceId", "priceOverrideCents" FROM provider_services WHERE "providerId" = $1',
    [id],
  );

const question = (page: Page, n: number) => page.getByRole('textbox', { name: `Question ${n}`, exact: true });

for (const viewport of flowViewports('desktop')) {
  test.describe(`console services at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('creates and sets up a service end to end', async ({ page }, testInfo) => {
      // A long flow, run on a machine shared with other test runs: axe runs at every step.
      test.setTimeout(300_000);
      const checkpoints = new Checkpoints(page, testInfo);
      const name = `Deep tissue massage ${viewport.name}`;
      await signInToConsole(page);
      await openArea(page, 'Services');
      await expect(page.getByRole('link', { name: 'Haircut' })).toBeVisible();
      await checkpoints.step('service list');

      // --- Create: a validation error from the API next to its field, then the real service.
      await page.getByRole('link', { name: 'New service' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'New service' })).toBeVisible();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Duration (minutes)').fill('0');
      await page.getByLabel('Price (EUR)').fill('80.00');
      await page.getByRole('button', { name: 'Create service' }).click();
      const duration = page.getByLabel('Duration (minutes)');
      await expect(duration).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#e-durationMinutes')).toContainText(/1/);
      await expect(page.getByRole('alert').filter({ hasText: 'durationMinutes' })).toBeVisible();
      await expect(duration).toBeFocused();
      expect(await storedService(name)).toBeUndefined();
      await checkpoints.step('duration 0 refused next to its field');

      await duration.fill('50');
      await page.getByRole('radio', { name: 'A deposit at booking, the rest at the appointment' }).check();
      await page.getByLabel('Deposit (%)').fill('25');
      await page.getByRole('radio', { name: 'A fixed fee' }).check();
      await page.getByLabel('No-show fee (EUR)').fill('20.00');
      await page.getByRole('button', { name: 'Remove reminder 2' }).click();
      await page.getByRole('button', { name: 'Add a reminder' }).click();
      await page.getByLabel('Reminder 2', { exact: true }).fill('30');
      await page.getByLabel('Unit of reminder 2').selectOption('minutes');
      await page.getByRole('checkbox', { name: 'Studio room (room)' }).check();
      await checkpoints.step('new service filled in');
      await page.getByRole('button', { name: 'Create service' }).click();
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      const created = await storedService(name);
      expect(created).toMatchObject({
        durationMinutes: 50,
        priceBaseCents: 8000,
        paymentMode: 'DEPOSIT',
        depositPercent: 25,
        depositCents: null,
        noShowFeeCents: 2000,
        noShowFeePercent: null,
        reminderOffsetsMinutes: [1440, 30],
        active: true,
      });
      const serviceId = created!.id;
      expect(new URL(page.url()).hash).toBe(`#/services/${serviceId}`);
      const resources = await query<{ name: string }>(
        `SELECT r.name FROM service_resources sr JOIN resources r ON r.id = sr."resourceId"
          WHERE sr."serviceId" = $1`,
        [serviceId],
      );
      expect(resources).toEqual([{ name: 'Studio room' }]);
      await checkpoints.step('service page');

      // --- Edit: PATCH carries only the changed field.
      await page.getByLabel('Description').fill('Slow, firm pressure.');
      const patch = page.waitForRequest(
        (request) => request.method() === 'PATCH' && request.url().endsWith(`/services/${serviceId}`),
      );
      await page.getByRole('button', { name: 'Save details' }).click();
      expect((await patch).postDataJSON()).toEqual({ description: 'Slow, firm pressure.' });
      await expect.poll(async () => (await storedService(name))?.description).toBe('Slow, firm pressure.');

      // --- Cancellation policy: the service's own tiers, with the preview in plain words.
      while (await page.getByRole('button', { name: 'Remove tier 1' }).isVisible()) {
        await page.getByRole('button', { name: 'Remove tier 1' }).click();
      }
      const preview = page.locator('#policy-preview');
      await expect(preview).toHaveText('Cancel any time: full refund.');
      await page.getByRole('button', { name: 'Add a tier' }).click();
      await page.getByLabel('Tier 1: less than (hours)').fill('48');
      await page.getByLabel('Tier 1: Fee kept (%)').fill('50');
      await expect(preview).toHaveText(
        'Cancel 48 h or more before: full refund. Less than 48 h: 50 % refunded.',
      );
      await page.getByRole('button', { name: 'Add a tier' }).click();
      await page.getByLabel('Tier 2: less than (hours)').fill('24');
      await page.getByLabel('Tier 2: fee as').selectOption('fixed');
      await page.getByLabel('Tier 2: Fee kept (EUR)').fill('15.00');
      await page.getByLabel('Clients may reschedule until (hours before the start)').fill('12');
      await expect(preview).toHaveText(
        'Cancel 48 h or more before: full refund. 24–48 h: 50 % refunded. Less than 24 h: €15.00 kept, the rest refunded.',
      );
      await expect(
        page.getByText('Clients may reschedule themselves until 12 h before the start.'),
      ).toBeVisible();
      await checkpoints.step('policy preview');
      await page.getByRole('button', { name: 'Save policy' }).click();
      await expect(page.getByText('This service has its own policy.', { exact: true })).toBeVisible();
      const policy = await query<{ rescheduleAllowedUntilHours: number | null; tiers: unknown }>(
        `SELECT p."rescheduleAllowedUntilHours",
                json_agg(json_build_array(t."hoursBeforeStart", t."feePercentage", t."feeFixedCents")
                         ORDER BY t."hoursBeforeStart" DESC) AS tiers
           FROM cancellation_policies p JOIN cancellation_policy_tiers t ON t."policyId" = p.id
          WHERE p."serviceId" = $1 GROUP BY p.id`,
        [serviceId],
      );
      expect(policy).toEqual([
        {
          rescheduleAllowedUntilHours: 12,
          tiers: [
            [48, 50, null],
            [24, null, 1500],
          ],
        },
      ]);
      await page.getByRole('button', { name: 'Use the business default' }).click();
      await expect(
        page.getByText('This service follows the business default policy again.', { exact: true }),
      ).toBeVisible();
      await expect
        .poll(
          async () =>
            (await query('SELECT id FROM cancellation_policies WHERE "serviceId" = $1', [serviceId])).length,
        )
        .toBe(0);

      // --- Intake form: all seven kinds, required, help text, options.
      const questions: [type: string, label: string][] = [
        ['TEXT', 'Allergies'],
        ['TEXTAREA', 'Anything else we should know'],
        ['SELECT', 'Pressure'],
        ['CHECKBOX', 'I accept the terms'],
        ['DATE', 'Date of birth'],
        ['PHONE', 'Mobile'],
        ['EMAIL', 'Work email'],
      ];
      for (const [index, [type, label]] of questions.entries()) {
        await page.getByLabel("New question's type").selectOption(type);
        await page.getByRole('button', { name: 'Add a question' }).click();
        await expect(question(page, index + 1)).toBeFocused();
        await question(page, index + 1).fill(label);
      }
      await page.getByLabel('Help text for question 1 (optional)').fill('e.g. none');
      await page.getByRole('checkbox', { name: 'Question 1 is required' }).check();
      await page.getByRole('checkbox', { name: 'Question 4 is required' }).check();
      await page.getByLabel('Option 1 of question 3').fill('Light');
      await page.getByRole('button', { name: 'Add an option to question 3' }).click();
      await page.getByLabel('Option 2 of question 3').fill('Firm');
      await expect(page.getByLabel('Allergies (required)')).toBeDisabled();
      await checkpoints.step('intake form with seven questions');

      // Drag "Work email" (question 7) onto question 1.
      const card = (n: number) => page.locator('fieldset.question').nth(n - 1);
      await card(7).locator('.handle').dragTo(card(1));
      await expect(question(page, 1)).toHaveValue('Work email');
      await expect(question(page, 2)).toHaveValue('Allergies');
      // Then one place down by keyboard: focus stays on the moved question's button.
      await page.getByRole('button', { name: 'Move Work email down' }).focus();
      await page.keyboard.press('Enter');
      await expect(question(page, 1)).toHaveValue('Allergies');
      await expect(question(page, 2)).toHaveValue('Work email');
      await expect(page.getByRole('button', { name: 'Move Work email down' })).toBeFocused();
      // Pressure is question 4 now: its options swapped by keyboard too.
      await page.getByRole('button', { name: 'Move option 2 of question 4 up' }).click();
      await checkpoints.step('intake form reordered');
      await page.getByRole('button', { name: 'Save form' }).click();
      await expect(page.getByText('Intake form saved.', { exact: true })).toBeVisible();
      const fields = await query<{
        label: string;
        fieldType: string;
        required: boolean;
        options: string[];
        placeholder: string | null;
      }>(
        `SELECT label, "fieldType", required, options, placeholder FROM intake_form_fields
          WHERE "serviceId" = $1 AND active ORDER BY "sortOrder"`,
        [serviceId],
      );
      expect(fields).toEqual([
        { label: 'Allergies', fieldType: 'TEXT', required: true, options: [], placeholder: 'e.g. none' },
        { label: 'Work email', fieldType: 'EMAIL', required: false, options: [], placeholder: null },
        {
          label: 'Anything else we should know',
          fieldType: 'TEXTAREA',
          required: false,
          options: [],
          placeholder: null,
        },
        {
          label: 'Pressure',
          fieldType: 'SELECT',
          required: false,
          options: ['Firm', 'Light'],
          placeholder: null,
        },
        {
          label: 'I accept the terms',
          fieldType: 'CHECKBOX',
          required: true,
          options: [],
          placeholder: null,
        },
        { label: 'Date of birth', fieldType: 'DATE', required: false, options: [], placeholder: null },
        { label: 'Mobile', fieldType: 'PHONE', required: false, options: [], placeholder: null },
      ]);

      // --- Providers: both offer it, Alex at his own price; his other services stay as they were.
      const alex = await providerId('Alex Rivera');
      const sam = await providerId('Sam Chen');
      const alexBefore = await providerServices(alex);
      await page.getByRole('checkbox', { name: `Alex Rivera offers ${name}` }).check();
      await page.getByLabel('Price with Alex Rivera').fill('95.00');
      await page.getByRole('button', { name: 'Save Alex Rivera' }).click();
      await expect(page.getByText(`Alex Rivera offers ${name}.`, { exact: true })).toBeVisible();
      await page.getByRole('checkbox', { name: `Sam Chen offers ${name}` }).check();
      await page.getByRole('button', { name: 'Save Sam Chen' }).click();
      await expect(page.getByText(`Sam Chen offers ${name}.`, { exact: true })).toBeVisible();
      await checkpoints.step('providers offering the service');
      const alexAfter = await providerServices(alex);
      expect(alexAfter).toHaveLength(alexBefore.length + 1);
      expect(alexAfter).toEqual(
        expect.arrayContaining([...alexBefore, { serviceId, priceOverrideCents: 9500 }]),
      );
      expect(await providerServices(sam)).toContainEqual({ serviceId, priceOverrideCents: null });

      // --- The public API lists it with its form and providers.
      const { baseUrl, publishableKey } = serverInfo();
      const response = await fetch(`${baseUrl}/v1/public/services`, {
        headers: { 'x-tenant-key': publishableKey },
      });
      expect(response.status).toBe(200);
      const listed = ((await response.json()) as { data: PublicService[] }).data.find(
        (s) => s.id === serviceId,
      );
      expect(listed).toMatchObject({
        name,
        paymentMode: 'DEPOSIT',
        depositPercent: 25,
        noShowFeeCents: 2000,
      });
      expect(listed!.intakeFields.map((f) => [f.label, f.fieldType, f.required])).toEqual([
        ['Allergies', 'TEXT', true],
        ['Work email', 'EMAIL', false],
        ['Anything else we should know', 'TEXTAREA', false],
        ['Pressure', 'SELECT', false],
        ['I accept the terms', 'CHECKBOX', true],
        ['Date of birth', 'DATE', false],
        ['Mobile', 'PHONE', false],
      ]);
      expect(listed!.providers.map((p) => [p.name, p.priceCents]).sort()).toEqual([
        ['Alex Rivera', 9500],
        ['Sam Chen', 8000],
      ]);

      // --- Deactivate: gone from the list until inactive services are shown.
      await page.getByRole('button', { name: 'Deactivate service' }).click();
      await expect(page.getByText('This service is inactive: clients cannot book it.')).toBeVisible();
      await expect.poll(async () => (await storedService(name))?.active).toBe(false);
      await page.getByRole('link', { name: '← All services' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Haircut' })).toBeVisible();
      await expect(page.getByRole('link', { name })).toHaveCount(0);
      await page.getByRole('checkbox', { name: 'Show inactive services' }).check();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
      await expect(row).toContainText('Inactive');
      await expect(row).toContainText('Deposit 25 %');
      await checkpoints.step('inactive services shown');
    });
  });
}

interface PublicService {
  id: string;
  name: string;
  intakeFields: { label: string; fieldType: string; required: boolean }[];
  providers: { name: string; priceCents: number }[];
}
