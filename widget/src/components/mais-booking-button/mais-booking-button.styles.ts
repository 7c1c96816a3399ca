import { css } from 'lit';

/**
 * The theme tokens (tokens.styles.ts) apply to the dialog through its data-theme. The header sticks to
 * the top of the dialog while the booking scrolls under it; up to 480px wide (a phone) the dialog takes
 * the whole screen, with no page peeking around its edges.
 */
export const styles = css`
  :host {
    display: inline-block;
  }
  .trigger {
    --_primary: var(--mais-primary, #2453c7);
    --_radius: var(--mais-radius, 8px);
    font-family: var(--mais-font, inherit);
  }
  dialog {
    width: min(40rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
    padding: 0;
    overflow: auto;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.35);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem 0.25rem 0 1rem;
    background: var(--_surface);
  }
  .name {
    flex: 1;
    margin: 0;
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .close {
    flex: none;
    width: 2.75rem;
    height: 2.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
    font-size: 1.6rem;
    line-height: 1;
    cursor: pointer;
  }
  @media (max-width: 480px) {
    dialog {
      width: 100%;
      max-width: none;
      height: 100%;
      max-height: none;
      margin: 0;
      border-radius: 0;
    }
  }
  @media (forced-colors: active) {
    dialog {
      border: 2px solid CanvasText;
    }
  }
`;
