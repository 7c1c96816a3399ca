// The widget's design tokens and shared rules, which the console (admin/) builds on too.
export { tokens } from './tokens.styles.ts';
export { shared } from './shared.styles.ts';
