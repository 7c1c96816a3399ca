import { css } from 'lit';

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
    border: 0;
    border-radius: var(--mais-radius, 8px);
    background: var(--mais-surface, Canvas);
    color: var(--mais-text, CanvasText);
    color-scheme: light;
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.35);
  }
  :host([theme='dark']) dialog {
    color-scheme: dark;
  }
  :host([theme='auto']) dialog {
    color-scheme: light dark;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .bar {
    display: flex;
    justify-content: flex-end;
    padding: 0.25rem 0.25rem 0;
  }
  .close {
    width: 2.75rem;
    height: 2.75rem;
    border: 0;
    border-radius: var(--mais-radius, 8px);
    background: transparent;
    font-size: 1.6rem;
    line-height: 1;
    cursor: pointer;
  }
  .close:focus-visible {
    outline: 3px solid var(--mais-primary, #2453c7);
  }
  @media (forced-colors: active) {
    dialog {
      border: 2px solid CanvasText;
    }
  }
`;
