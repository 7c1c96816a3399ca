import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { deep, deepAll, textOf } from '../../testing/dom.ts';
import type { MaisIntakeForm } from './mais-intake-form.component.ts';
import './mais-intake-form.ts';
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

describe('<mais-intake-form>', () => {
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
});
