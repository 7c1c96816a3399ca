import { css } from 'lit';

export const styles = css`
  .base {
    container-type: inline-size;
    min-width: 0;
    padding: 1rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.45;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    margin-bottom: 0.75rem;
  }
  h2 {
    flex: 1 1 100%;
    margin: 0;
    font-size: 1.3rem;
    line-height: 1.25;
  }
  h3 {
    margin: 1.25rem 0 0.5rem;
    font-size: 1rem;
  }
  .back {
    min-height: 2.75rem;
    color: var(--_text);
  }
  .muted {
    color: var(--_muted);
  }
  .choices {
    display: grid;
    gap: 0.6rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .choice {
    display: grid;
    gap: 0.15rem;
    width: 100%;
    padding: 0.8rem 1rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    text-align: start;
    cursor: pointer;
  }
  .choice:hover {
    border-color: var(--_primary);
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  .choice__name {
    font-weight: 700;
  }
  .choice__meta,
  .choice__text,
  .choice__note {
    color: var(--_muted);
    font-size: 0.92rem;
  }
  .choice__note {
    font-weight: 600;
  }
  .notice,
  .empty,
  .failure,
  .payment,
  .terms {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_soft);
    border-inline-start: 4px solid var(--_primary);
  }
  .empty {
    margin-top: 1rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .failure {
    border-color: var(--_danger);
  }
  .notice p,
  .failure p,
  .payment p,
  .terms p {
    margin: 0 0 0.5rem;
  }
  .notice p:last-child,
  .failure p:last-child,
  .payment p:last-child,
  .terms p:last-child {
    margin: 0;
  }
  .summary {
    display: grid;
    gap: 0.5rem;
    margin: 0 0 1rem;
  }
  .summary dt {
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .summary dd {
    margin: 0;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0.5rem 0 1rem;
  }
  .manage {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: baseline;
  }
  .manage__link {
    color: inherit;
    overflow-wrap: anywhere;
  }
  .status {
    display: inline-block;
    margin: 0 0 0.75rem;
    padding: 0.15rem 0.6rem;
    border-radius: 999px;
    border: 1px solid var(--_line);
    font-weight: 700;
  }
  .skeleton {
    display: grid;
    gap: 0.6rem;
  }
  .skeleton--grid {
    grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr));
  }
  .skeleton__row {
    height: 3rem;
    border-radius: var(--_radius);
    background: var(--_soft);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }
  /* The steps keep one height, so the widget does not jump as the client moves on (the page under it neither). */
  .step {
    min-height: 24rem;
  }
  .price {
    margin: -0.25rem 0 0.5rem;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
  }
  .with,
  .seats {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 600;
  }
  .with select,
  .seats select,
  .reason textarea {
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .seats {
    margin: 0 0 1rem;
  }
  .reason {
    display: grid;
    gap: 0.35rem;
    margin: 0 0 1rem;
  }
  .reason textarea {
    resize: vertical;
  }
  .panes {
    display: grid;
    gap: 1rem;
  }
  .day {
    margin: 0 0 0.6rem;
  }
  .pane--times {
    min-height: 12rem;
  }
  .success {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    background: var(--_soft);
    border-inline-start: 4px solid var(--_success, #2e8540);
    font-weight: 600;
  }
  .countdown {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  @container (min-width: 36rem) {
    .base {
      padding: 1.5rem;
    }
  }
  /* Calendar and times side by side once the widget itself (not the window) is wide enough. */
  @container (min-width: 40rem) {
    .panes {
      grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr);
      align-items: start;
    }
    .pane--times {
      max-height: 24rem;
      overflow-y: auto;
      padding-inline-end: 0.25rem;
    }
    .step {
      min-height: 30rem;
    }
  }
  @media (forced-colors: active) {
    .choice,
    .notice,
    .empty,
    .failure,
    .payment,
    .terms {
      border: 1px solid CanvasText;
    }
    .skeleton__row {
      border: 1px solid GrayText;
    }
  }
`;
