import { css } from 'lit';
import { shared, tokens } from '@mais/widget/styles';

/**
 * The console's look, on the widget's tokens (`--_primary`, `--_surface`, `--_text`, `--_muted`,
 * `--_line`, `--_soft`, `--_danger`, `--_radius`, `--_font`) and its shared rules (.btn, focus
 * ring, .sr-only). Every console element adopts `consoleStyles`; its own rules come after.
 * The tokens are set on `[data-theme]`, which the shell's root carries; elements inside it
 * inherit the custom properties through their shadow roots.
 */
const layout = css`
  :host {
    font-family: var(--_font);
    color: var(--_text);
  }
  h1 {
    font-size: 1.5rem;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.15rem;
    margin: 1.5rem 0 0.75rem;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.5rem;
  }
  a {
    color: var(--_primary);
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    margin-bottom: 1rem;
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 1rem;
  }
  .card {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: 1rem;
    background: var(--_surface);
  }
  .card h2,
  .card h3 {
    margin-top: 0;
  }
  .figure {
    font-size: 1.6rem;
    font-weight: 700;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.5rem 0.6rem;
    border-bottom: 1px solid var(--_soft);
    vertical-align: top;
  }
  th {
    font-weight: 600;
    border-bottom-color: var(--_line);
  }
  td.num,
  th.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .badge {
    display: inline-block;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    background: var(--_soft);
    font-size: 0.85rem;
    white-space: nowrap;
  }
  .badge[data-tone='danger'] {
    color: var(--_danger);
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .field {
    margin-bottom: 0.9rem;
  }
  .field-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.9rem;
  }
  .field-row > .field {
    flex: 1 1 10rem;
  }
  input:not([type='checkbox']):not([type='radio']):not([type='color']),
  select,
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
    margin: 0.2rem 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem;
    margin-top: 1rem;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_soft);
    margin: 0 0 1rem;
  }
  .notice[data-tone='danger'] {
    color: var(--_danger);
    border: 1px solid currentColor;
  }
  dl.facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.35rem 1rem;
    margin: 0;
  }
  dl.facts dt {
    color: var(--_muted);
  }
  dl.facts dd {
    margin: 0;
  }
  @media (max-width: 600px) {
    th,
    td {
      padding: 0.4rem 0.3rem;
    }
  }
`;

export const consoleStyles = [tokens, shared, layout];
