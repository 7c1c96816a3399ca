import { css } from 'lit';

/*
 * Each state differs by more than colour: rest has a grey border; hover a primary border and a
 * tinted background; keyboard focus the shared focus ring outside the button; picked a primary fill
 * with white text (6.7:1 on the default primary) and a border in the focus colour, which stands out
 * from the dark theme's surface where the primary alone does not (2.7:1, tokens.styles.ts).
 */
export const styles = css`
  .slots {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(6rem, 1fr));
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .slot {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.3rem 0.25rem;
    border: 2px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
    cursor: pointer;
  }
  .slot:hover {
    border-color: var(--_primary);
    background: var(--_soft);
  }
  .slot[aria-pressed='true'] {
    border-color: var(--_focus, var(--_primary));
    background: var(--_primary);
    color: #fff;
  }
  .seats {
    display: block;
    font-size: 0.8rem;
    font-weight: 400;
  }
  @media (forced-colors: active) {
    .slot {
      border-color: ButtonText;
    }
    .slot[aria-pressed='true'] {
      border: 3px solid Highlight;
    }
  }
`;
