import { css } from 'lit';

export const styles = css`
  .zone {
    margin: 0 0 0.75rem;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .zone strong {
    color: var(--_text);
  }
  form {
    margin-bottom: 1rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  input {
    flex: 1 1 12rem;
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .error {
    color: var(--_danger);
    margin: 0.25rem 0 0;
  }
`;
