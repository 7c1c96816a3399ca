import { expect } from '@open-wc/testing';
import { manageLink, readManageLink, withoutManageLink } from './manage-link.ts';

describe('manage link', () => {
  it("adds the booking's id and token to the page URL, keeping its own parameters", () => {
    const link = manageLink('https://studio.example/book?lang=es#top', 'id-1', 'token-1');
    expect(link).to.equal('https://studio.example/book?lang=es&mais-appointment=id-1&mais-token=token-1');
    expect(readManageLink(link)).to.deep.equal({ appointmentId: 'id-1', token: 'token-1' });
  });

  it('replaces an older booking in the URL, and reads nothing without both parameters', () => {
    const again = manageLink('https://studio.example/?mais-appointment=old&mais-token=t', 'new', 't');
    expect(again).to.equal('https://studio.example/?mais-appointment=new&mais-token=t');
    expect(readManageLink('https://studio.example/?mais-appointment=x')).to.equal(null);
    expect(withoutManageLink(again)).to.equal('https://studio.example/');
  });
});
