import { css } from 'lit';

/** The grid's look: an hours axis and one column per day; items placed in % by inline styles. */
export const calendarGridStyles = css`
  :host {
    display: block;
    --hour-height: 60px;
    --axis-width: 3.5rem;
  }
  .scroller {
    overflow-x: auto;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  .grid {
    display: grid;
    grid-template-columns: var(--axis-width) repeat(var(--days), minmax(var(--day-min), 1fr));
    min-width: min-content;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--_surface);
    border-bottom: 1px solid var(--_line);
    padding: 0.4rem 0.3rem;
    text-align: center;
  }
  .head h3 {
    margin: 0;
    font-size: 0.95rem;
  }
  .head[data-today] h3 {
    color: var(--_primary);
  }
  .all-day {
    border-bottom: 1px solid var(--_line);
    padding: 0.2rem;
    min-height: 1.6rem;
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .axis-label {
    font-size: 0.75rem;
    color: var(--_muted);
    padding: 0.3rem;
    text-align: end;
  }
  .axis {
    position: relative;
    height: calc(var(--hours) * var(--hour-height));
  }
  .axis span {
    position: absolute;
    right: 0.3rem;
    transform: translateY(-50%);
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .axis span:first-child {
    transform: none;
  }
  .day {
    position: relative;
    height: calc(var(--hours) * var(--hour-height));
    border-left: 1px solid var(--_soft);
    background-image: linear-gradient(to bottom, var(--_soft) 1px, transparent 1px);
    background-size: 100% var(--hour-height);
    cursor: var(--create-cursor, default);
  }
  .item {
    position: absolute;
    box-sizing: border-box;
    padding: 1px 2px;
    min-height: 1.25rem;
    overflow: hidden;
    border-radius: 4px;
    font-size: 0.78rem;
    line-height: 1.2;
    contain: layout style;
  }
  .appt {
    background: var(--_surface);
    border: 1px solid var(--_primary);
    border-left-width: 4px;
  }
  .appt a {
    display: block;
    color: var(--_text);
    text-decoration: none;
    padding-right: 2.6rem;
    min-height: 100%;
    touch-action: pan-y;
    user-select: none;
  }
  .appt a:focus-visible,
  .appt button:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 1px;
  }
  .appt[data-movable] a {
    cursor: grab;
  }
  .appt .move {
    position: absolute;
    top: 1px;
    right: 1px;
    font: inherit;
    font-size: 0.72rem;
    padding: 0 0.3rem;
    border: 1px solid var(--_line);
    border-radius: 3px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .appt[data-status='CANCELLED'] {
    opacity: 0.55;
    border-style: dashed;
  }
  .appt[data-status='CANCELLED'] .who {
    text-decoration: line-through;
  }
  .appt[data-dragging] {
    z-index: 3;
    box-shadow: 0 4px 12px rgb(0 0 0 / 25%);
    cursor: grabbing;
  }
  .appt.pending {
    opacity: 0.7;
  }
  .busy {
    background: repeating-linear-gradient(135deg, var(--_soft) 0 6px, transparent 6px 12px);
    border: 1px solid var(--_line);
    color: var(--_text);
  }
  .all-day .busy {
    position: static;
  }
  .time {
    font-weight: 700;
  }
  .drop-label {
    position: absolute;
    left: 0;
    bottom: 100%;
    background: var(--_text);
    color: var(--_surface);
    padding: 0 0.3rem;
    border-radius: 3px;
    white-space: nowrap;
  }
`;
