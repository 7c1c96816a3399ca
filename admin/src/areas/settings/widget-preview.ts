import type { Service } from '@mais/sdk';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { shared, tokens } from '@mais/widget/styles';
import { formatMoney } from '../../ui/format.ts';
import { previewStyle, previewTheme, type Branding } from './branding-draft.ts';

/**
 * <mais-widget-preview>: how the booking widget looks with a branding draft, before it is saved.
 *
 * Why a static likeness and not the real <mais-booking>: the real widget needs a publishable key
 * (the console has none, and making one only to preview would leave a key behind), calls the public
 * API (whose origin checks the console's page does not pass), and shows only saved branding. This
 * draws the widget's own parts with the widget's own tokens and rules (@mais/widget/styles: the
 * same `--_brand-primary`/`--_brand-font` fallbacks, `.btn`, themes), so a colour, font or theme
 * looks here as it will there, and changes as the form is typed in. It is a picture: nothing in
 * it can be focused or pressed.
 */
@customElement('mais-widget-preview')
export class WidgetPreview extends LitElement {
  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
      }
      .frame {
        font-family: var(--_font);
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        padding: 1rem;
        max-width: 24rem;
      }
      .top {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        margin-bottom: 0.75rem;
      }
      .top img {
        max-height: 2.5rem;
        max-width: 6rem;
        object-fit: contain;
      }
      .title {
        font-weight: 700;
        font-size: 1.1rem;
        margin: 0;
      }
      .service {
        display: flex;
        justify-content: space-between;
        padding: 0.6rem 0.75rem;
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        margin-bottom: 0.5rem;
      }
      .service[data-selected] {
        border-color: var(--_primary);
        box-shadow: inset 0 0 0 1px var(--_primary);
      }
      .muted {
        color: var(--_muted);
      }
      .slots {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.4rem;
        margin: 0.75rem 0;
      }
      .slot {
        text-align: center;
        padding: 0.45rem;
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
      }
      .slot[data-selected] {
        background: var(--_primary);
        border-color: var(--_primary);
        color: #fff;
      }
      .btn {
        width: 100%;
        justify-content: center;
      }
    `,
  ];

  @property({ attribute: false }) branding: Branding = {};
  @property() businessName = '';
  @property({ attribute: false }) services: Service[] = [];

  override render() {
    const prefersDark = matchMedia('(prefers-color-scheme: dark)').matches;
    const shown = this.services.slice(0, 2);
    return html`
      <div
        class="frame"
        data-theme=${previewTheme(this.branding.theme, prefersDark)}
        style=${previewStyle(this.branding)}
        data-testid="widget-preview"
      >
        <div class="top">
          ${this.branding.logoUrl ? html`<img src=${this.branding.logoUrl} alt="" />` : ''}
          <p class="title">${this.businessName}</p>
        </div>
        ${(shown.length > 0 ? shown : [undefined]).map(
          (service, index) =>
            html`<div class="service" ?data-selected=${index === 0}>
              <span>${service?.name ?? 'Your service'}</span>
              <span class="muted"
                >${service ? formatMoney(service.priceBaseCents, service.currency) : ''}</span
              >
            </div>`,
        )}
        <div class="slots">
          <span class="slot">9:00</span><span class="slot" data-selected>9:30</span
          ><span class="slot">10:00</span>
        </div>
        <span class="btn">Book 9:30</span>
      </div>
    `;
  }
}
