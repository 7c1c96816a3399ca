import { css } from 'lit';

/** The calendar's dialogs: native <dialog> (focus kept inside, Escape closes), narrow-screen safe. */
export const dialogStyles = css`
  dialog {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: 1.25rem;
    width: min(32rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    box-sizing: border-box;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  h2 {
    margin-top: 0;
  }
  input,
  select {
    box-sizing: border-box;
  }
`;
