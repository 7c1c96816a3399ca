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
  [role='listbox'] {
    margin: 0.25rem 0 0;
    padding: 0.25rem 0;
    list-style: none;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  [role='option'] {
    padding: 0.6rem 0.75rem;
    cursor: pointer;
  }
  [role='option']:hover {
    background: var(--_soft);
  }
  [aria-selected='true'] {
    background: var(--_primary);
    color: #fff;
  }
  .error {
    color: var(--_danger);
    margin: 0.25rem 0 0;
  }
  @media (forced-colors: active) {
    [aria-selected='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
