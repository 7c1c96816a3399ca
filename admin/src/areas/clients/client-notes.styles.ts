import { css } from 'lit';

/** <mais-client-notes>'s own rules, after consoleStyles. */
export const clientNotesStyles = css`
  ol {
    list-style: none;
    margin: 1rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0 0 0.5rem;
  }
  .meta {
    margin: 0;
    font-size: 0.9rem;
  }
  .actions {
    margin-top: 0.5rem;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
`;
