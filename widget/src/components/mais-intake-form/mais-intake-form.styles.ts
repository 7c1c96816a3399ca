import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    gap: 0.9rem;
  }
  .note,
  .summary {
    margin: 0;
    font-size: 0.9rem;
    color: var(--_muted);
  }
  .summary {
    color: var(--_danger);
    font-weight: 600;
  }
  .summary:empty {
    display: none;
  }
  .field {
    display: grid;
    gap: 0.3rem;
  }
  label {
    font-weight: 600;
  }
  .required {
    color: var(--_danger);
  }
  input,
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .field--check {
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: 0.6rem;
  }
  .field--check input {
    width: 1.4rem;
    min-height: 1.4rem;
    margin: 0;
  }
  .field--check .error {
    grid-column: 1 / -1;
  }
  .error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9rem;
  }
  .submit {
    justify-self: start;
  }
`;
