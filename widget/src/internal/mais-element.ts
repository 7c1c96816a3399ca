import { LitElement } from 'lit';

/** The base of every widget element: registration that survives the script being pasted twice. */
export class MaisElement extends LitElement {
  /** One warning per copy of the script, not one per tag. */
  private static warned = false;

  /**
   * Registers this class as `name` unless the tag is taken. A page that loads widget.js twice (two
   * script tags, or a bundle plus the script) would otherwise throw on the second define(); the
   * first registration wins and a warning says why (shoelace-element.ts does the same).
   */
  static define(name: string): void {
    const existing = customElements.get(name);
    if (!existing) customElements.define(name, this);
    else if (existing !== this && !MaisElement.warned) {
      MaisElement.warned = true;
      console.warn(
        `<${name}> is already defined: widget.js seems to be loaded twice. The first copy is used.`,
      );
    }
  }
}
