import { css } from 'lit';

/**
 * Resets, buttons, focus ring and forced-colours rules shared by every widget element.
 *
 * `.btn--danger` has its own text colour (`--_on-danger`): white on the dark theme's light red would
 * be 1.7:1. The ring's colour is set apart (`outline-color`) so that a browser without color-mix()
 * (the dark theme's `--_focus`, tokens.styles.ts) still draws one, in the primary colour.
 */
export const shared = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.75rem;
    padding: 0.5rem 1.1rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: #fff;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .btn--quiet {
    background: transparent;
    color: var(--_text);
    border-color: var(--_line);
  }
  .btn--danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .btn[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--_primary);
    outline-color: var(--_focus, var(--_primary));
    outline-offset: 2px;
  }
  [data-step-heading]:focus {
    outline: none;
  }
  [data-step-heading]:focus-visible {
    outline: 3px solid var(--_primary);
    outline-color: var(--_focus, var(--_primary));
  }
  @media (forced-colors: active) {
    .btn {
      border: 2px solid ButtonText;
    }
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
`;
