import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { deep, deepActiveElement, deepAll, textOf } from '../../testing/dom.ts';
import type { MaisIntakeForm } from './mais-intake-form.component.ts';
import './mais-intake-form.ts';
import { loadTranslation } from '../../i18n/translations.ts';
import type { FieldSpec } from './validation.ts';

const spec = (key: string, kind: FieldSpec['kind'], required = false, options: string[] = []): FieldSpec => ({
  key,
  label: key,
  kind,
  required,
  options,
  placeholder: null,
});

const FIELDS = [
  spec('text', 'TEXT', true),
  spec('textarea', 'TEXTAREA'),
  spec('select', 'SELECT', true, ['One', 'Two']),
  spec('checkbox', 'CHECKBOX'),
  spec('date', 'DATE'),
  spec('phone', 'PHONE'),
  spec('email', 'EMAIL'),
];

function render(values: Record<string, string | boolean> = {}, locale = 'en') {
  return fixture<MaisIntakeForm>(
    html`<mais-intake-form
      submit-label="Send"
      locale=${locale}
      .fields=${FIELDS}
      .values=${values}
    ></mais-intake-form>`,
  );
}

/** The viewport point at the middle of `element` (sendMouse takes whole pixels). */
function middleOf(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

describe('<mais-intake-form>', () => {
  afterEach(() => resetMouse());

  it('renders every field type with its control, and is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    const types = deepAll<HTMLInputElement>(el, 'input, select, textarea').map((c) => c.type);
    expect(types).to.deep.equal(['text', 'textarea', 'select-one', 'checkbox', 'date', 'tel', 'email']);
    expect(deepAll<HTMLOptionElement>(el, 'option').map(textOf)).to.deep.equal(['Choose…', 'One', 'Two']);
    expect(deepAll(el, 'label').map(textOf)).to.deep.equal([
      'text *',
      'textarea',
      'select *',
      'checkbox',
      'date',
      'phone',
      'email',
    ]);
  });

  it('shows the messages in the locale, and submits the values once they are valid', async () => {
    // The Spanish table is its own file, loaded on demand: here before the element renders.
    await loadTranslation('es');
    const values: Record<string, string | boolean> = { phone: '12' };
    const el = await render(values, 'es');
    deep(el, 'button').click();
    await el.updateComplete;
    expect(textOf(deep(el, '.summary'))).to.equal('Corrige 3 campos.');
    expect(deepAll(el, '.error').map(textOf)).to.deep.equal([
      'Rellena este campo.',
      'Rellena este campo.',
      'Escribe un teléfono como +34 600 123 456.',
    ]);
    await expect(el).to.be.accessible();
    Object.assign(values, { text: 'Hola', select: 'Two', phone: '+34 600 123 456', checkbox: true });
    const submitted = oneEvent(el, 'intake-submit');
    deep(el, 'button').click();
    expect((await submitted).detail.values).to.deep.equal({
      text: 'Hola',
      select: 'Two',
      phone: '+34 600 123 456',
      checkbox: true,
    });
  });

  it("shows the API's field messages beside their fields", async () => {
    const el = await render({ text: 'x', select: 'One' });
    el.serverErrors = { email: 'must be an email address' };
    await el.updateComplete;
    const email = deep(el, '#f6');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(deep(el, '#f6-error'))).to.equal('must be an email address');
  });

  describe('leaving an invalid field by pressing the submit button', () => {
    const OWN = [spec('Name', 'TEXT', true), spec('Email', 'EMAIL', true)];

    async function typedInvalidEmail() {
      const el = await fixture<MaisIntakeForm>(
        html`<mais-intake-form
          submit-label="Send"
          locale="en"
          .fields=${OWN}
          .values=${{}}
        ></mais-intake-form>`,
      );
      deep<HTMLInputElement>(el, '#f0').value = 'X';
      deep(el, '#f0').dispatchEvent(new Event('input'));
      deep(el, '#f1').focus();
      await sendKeys({ type: 'not-an-email' });
      return el;
    }

    it('keeps the button where the pointer went down, so the click lands and submits', async () => {
      const el = await typedInvalidEmail();
      const button = deep(el, 'button.submit');
      const before = button.getBoundingClientRect().toJSON();
      let submitted = false;
      el.addEventListener('intake-submit', () => (submitted = true));

      await sendMouse({ type: 'move', position: middleOf(button) });
      await sendMouse({ type: 'down' });
      await el.updateComplete;
      // The email input lost focus with the pointer still down: nothing may move under it.
      expect(deepActiveElement()?.id).to.not.equal('f1');
      expect(button.getBoundingClientRect().toJSON()).to.deep.equal(before);
      await sendMouse({ type: 'up' });
      await el.updateComplete;

      expect(submitted).to.equal(false);
      expect(textOf(deep(el, '.summary'))).to.equal('Please correct 1 field.');
      expect(textOf(deep(el, '#f1-error'))).to.equal('Enter an email address such as name@example.com.');
      expect(deepActiveElement()?.id).to.equal('f1');
      await expect(el).to.be.accessible();
    });

    it('still shows the message on leaving with the pointer elsewhere, once it is released', async () => {
      const el = await typedInvalidEmail();
      await sendMouse({ type: 'move', position: [window.innerWidth - 10, 10] });
      await sendMouse({ type: 'down' });
      await el.updateComplete;
      expect(deepAll(el, '.error')).to.have.length(0);
      await sendMouse({ type: 'up' });
      await waitUntil(() => deepAll(el, '.error').length > 0, 'the email message after release');
      expect(deep(el, '#f1').getAttribute('aria-invalid')).to.equal('true');
      expect(textOf(deep(el, '.summary'))).to.equal('');
    });

    it('shows the message at once when the keyboard leaves the field', async () => {
      const el = await typedInvalidEmail();
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(textOf(deep(el, '#f1-error'))).to.equal('Enter an email address such as name@example.com.');
    });
  });
});
