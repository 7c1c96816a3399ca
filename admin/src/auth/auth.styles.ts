import { css } from 'lit';

/** The signed-out pages: one narrow column in the middle. */
export const authStyles = css`
  .auth {
    max-width: 24rem;
    margin: 10vh auto;
    padding: 1.5rem;
    background: var(--_surface);
    color: var(--_text);
  }
`;
