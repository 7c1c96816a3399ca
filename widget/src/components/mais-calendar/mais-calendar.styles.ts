import { css } from 'lit';

export const styles = css`
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  .nav {
    width: 2.75rem;
    height: 2.75rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: transparent;
    font-size: 1.4rem;
    line-height: 1;
    cursor: pointer;
  }
  /* aria-disabled, not disabled: the button keeps focus when the client reaches the window's end. */
  .nav[aria-disabled='true'] {
    opacity: 0.4;
    cursor: default;
  }
  table {
    width: 100%;
    border-collapse: separate;
    border-spacing: 2px;
    table-layout: fixed;
  }
  th {
    padding: 0.25rem 0;
    font-size: 0.8rem;
    font-weight: 600;
    color: var(--_muted);
    text-transform: capitalize;
  }
  .day {
    height: 2.6rem;
    text-align: center;
    border-radius: var(--_radius);
    color: var(--_muted);
    cursor: default;
  }
  .day--open {
    color: var(--_text);
    font-weight: 700;
    background: var(--_soft);
    box-shadow: inset 0 -3px 0 var(--_primary);
    cursor: pointer;
  }
  .day--today {
    text-decoration: underline;
  }
  .day[aria-selected='true'] {
    background: var(--_primary);
    color: #fff;
    box-shadow: none;
  }
  table[aria-busy='true'] .day {
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  .day:focus-visible {
    outline: 3px solid var(--_focus, var(--_primary));
    outline-offset: 1px;
  }
  @media (forced-colors: active) {
    .day--open {
      border: 1px solid CanvasText;
    }
    .day[aria-selected='true'] {
      border: 3px solid Highlight;
    }
  }
`;
