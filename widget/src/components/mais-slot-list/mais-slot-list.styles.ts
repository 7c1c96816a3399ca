import { css } from 'lit';

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
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 600;
    cursor: pointer;
  }
  .slot:hover,
  .slot[aria-pressed='true'] {
    background: var(--_primary);
    color: #fff;
  }
  @media (forced-colors: active) {
    .slot {
      border: 1px solid ButtonText;
    }
    .slot[aria-pressed='true'] {
      border: 3px solid Highlight;
    }
  }
`;
