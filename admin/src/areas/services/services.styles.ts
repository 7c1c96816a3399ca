import { css } from 'lit';

/** Rules the services area's forms share (on top of consoleStyles). */
export const formSectionStyles = css`
  form {
    max-width: 48rem;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  fieldset.group {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem 1rem;
    margin-bottom: 1rem;
  }
  fieldset.group > legend {
    font-weight: 700;
    padding: 0 0.25rem;
  }
  fieldset.choices {
    margin-bottom: 0.9rem;
  }
  fieldset.choices .check {
    margin: 0.3rem 0;
  }
  .sub {
    margin-left: 1.5rem;
  }
  .field-error {
    margin: 0.25rem 0 0;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  @media (max-width: 600px) {
    .sub {
      margin-left: 0.5rem;
    }
  }
`;
