/** A stylesheet's text (`import text from 'x.css?inline'`): Vite's convention, and admin/rollup.config.js's cssText plugin. */
declare module '*.css?inline' {
  const text: string;
  export default text;
}
