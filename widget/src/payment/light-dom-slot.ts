export interface LightDomSlot {
  /** An element in the document's own tree (no shadow root above it), shown in `host`'s slot. */
  node: HTMLElement;
  /** Takes out what was added. */
  remove(): void;
}

/**
 * A container for a Stripe Element that is in the page's light DOM yet shows inside `host`'s shadow
 * root, where `host` renders `<slot name=${name}>`.
 *
 * Stripe.js refuses to mount an Element inside a shadow root ("IntegrationError: Elements cannot be
 * mounted in a ShadowRoot. Please mount in the Light DOM.", stripe/stripe-js#662; before that check,
 * mounting seemed to work and confirming failed, #143 and #399): its frames must be reachable from
 * the document. So the container is a child of the outermost host, which is in the document, and is
 * projected down through one forwarding `<slot name slot>` per shadow root in between. Inline,
 * `<mais-booking>` is that host (the container is its child); inside `<mais-booking-button>`'s dialog,
 * the button is, and `<mais-booking>` gets a forwarding slot as its child. Nodes in a slot are laid
 * out (and inert or not, under a modal dialog) where the slot is, so the card form is in the step and
 * in the dialog.
 */
export function lightDomSlot(host: HTMLElement, name: string): LightDomSlot {
  const added: Element[] = [];
  let carrier: Element = host;
  let root = host.getRootNode();
  while (root instanceof ShadowRoot) {
    const forward = document.createElement('slot');
    forward.name = name;
    forward.slot = name;
    carrier.append(forward);
    added.push(forward);
    carrier = root.host;
    root = carrier.getRootNode();
  }
  const node = document.createElement('div');
  node.slot = name;
  // The page's own styles reach this element (it is in the page); ours do not. Keep it a plain block.
  node.style.cssText = 'display:block;margin:0;padding:0';
  carrier.append(node);
  added.push(node);
  return { node, remove: () => added.forEach((element) => element.remove()) };
}
