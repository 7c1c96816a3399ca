import type { DocumentLayout } from '../../domain/invoices/document-layout.ts';

/** A PNG or JPEG kept in the tenant's invoice settings (checked when it was uploaded). */
export interface DocumentLogo {
  bytes: Uint8Array;
  type: 'image/png' | 'image/jpeg';
}

/** Draws a laid-out invoice or receipt as a file (pdfkit-document-renderer.ts: PDF). */
export interface DocumentRenderer {
  render(layout: DocumentLayout, logo: DocumentLogo | null): Promise<Buffer>;
  /** Whether `logo` can be drawn (its bytes decode as the image they claim to be). */
  canDraw(logo: DocumentLogo): Promise<boolean>;
}
