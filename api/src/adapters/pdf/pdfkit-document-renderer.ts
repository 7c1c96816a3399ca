import PDFDocument from 'pdfkit';
import type { DocumentLayout } from '../../domain/invoices/document-layout.ts';
import type { DocumentLogo, DocumentRenderer } from './document-renderer.ts';

const MARGIN = 50;
const PAGE_WIDTH = 595.28; // A4
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
// Description (or date), quantity (or how it was paid), amount.
const COLUMNS = [CONTENT_WIDTH * 0.5, CONTENT_WIDTH * 0.25, CONTENT_WIDTH * 0.25];

/**
 * The layout on an A4 page with pdfkit's built-in Helvetica (no font files to ship). Those fonts
 * encode WinAnsi only: € and Latin accents print, other scripts do not, so text is first reduced
 * to what the font can show (pdfText) rather than printed as wrong glyphs.
 */
export class PdfkitDocumentRenderer implements DocumentRenderer {
  async render(layout: DocumentLayout, logo: DocumentLogo | null): Promise<Buffer> {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      // A fixed date: the same invoice gives the same bytes (and ETag) on every download.
      info: { Title: pdfText(layout.title), Producer: 'MAIS Scheduling', CreationDate: new Date(0) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    draw(doc, layout, logo);
    doc.end();
    return done;
  }

  /** Draws the image into a throw-away document: a PNG whose data does not inflate fails here, not later. */
  async canDraw(logo: DocumentLogo): Promise<boolean> {
    try {
      const doc = new PDFDocument({ size: 'A4' });
      const done = new Promise<void>((resolve, reject) => {
        doc.on('data', () => undefined);
        doc.on('end', resolve);
        doc.on('error', reject);
      });
      doc.image(Buffer.from(logo.bytes), 0, 0, { fit: [120, 60] });
      doc.end();
      await done;
      return true;
    } catch {
      return false;
    }
  }
}

function draw(doc: PDFKit.PDFDocument, layout: DocumentLayout, logo: DocumentLogo | null): void {
  const top = doc.y;
  if (logo) doc.image(Buffer.from(logo.bytes), PAGE_WIDTH - MARGIN - 120, top, { fit: [120, 60] });
  doc.font('Helvetica-Bold').fontSize(14).text(pdfText(layout.seller.name), MARGIN, top, { width: 300 });
  doc.font('Helvetica').fontSize(10);
  for (const line of layout.seller.addressLines) doc.text(pdfText(line), { width: 300 });
  if (layout.seller.taxIdLine) doc.text(pdfText(layout.seller.taxIdLine), { width: 300 });
  doc.y = Math.max(doc.y, top + 70);

  doc.moveDown().font('Helvetica-Bold').fontSize(20).text(pdfText(layout.title), MARGIN);
  doc.moveDown(0.5).fontSize(10);
  for (const [label, value] of layout.meta) {
    doc.font('Helvetica-Bold').text(`${pdfText(label)}: `, { continued: true });
    doc.font('Helvetica').text(pdfText(value));
  }

  doc.moveDown();
  row(doc, layout.table.headers, 'Helvetica-Bold');
  rule(doc);
  for (const cells of layout.table.rows) row(doc, cells, 'Helvetica');
  rule(doc);
  layout.totals.forEach(([label, value], index) => {
    const last = index === layout.totals.length - 1;
    row(doc, [label, '', value], last ? 'Helvetica-Bold' : 'Helvetica');
  });
  if (layout.notes.length > 0) {
    doc.moveDown().font('Helvetica').fontSize(9);
    for (const note of layout.notes) doc.text(pdfText(note), MARGIN);
  }
}

/** Three cells on one line: text left, quantity and amount right-aligned. */
function row(doc: PDFKit.PDFDocument, cells: readonly [string, string, string], font: string): void {
  const y = doc.y;
  doc.font(font);
  let x = MARGIN;
  let bottom = y;
  cells.forEach((cell, index) => {
    doc.text(pdfText(cell), x, y, { width: COLUMNS[index]!, align: index === 0 ? 'left' : 'right' });
    bottom = Math.max(bottom, doc.y);
    x += COLUMNS[index]!;
  });
  doc.x = MARGIN;
  doc.y = bottom + 4;
}

function rule(doc: PDFKit.PDFDocument): void {
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(PAGE_WIDTH - MARGIN, doc.y)
    .lineWidth(0.5)
    .stroke();
  doc.y += 4;
}

// WinAnsi (Windows-1252) beyond Latin-1: what Helvetica can show besides U+0000–U+00FF.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text Helvetica can print: Intl's no-break spaces (in "45,00 €", "10:00 AM") become spaces, and
 * characters outside WinAnsi (other scripts, emoji) become "?" instead of wrong glyphs.
 */
export function pdfText(text: string): string {
  return Array.from(text.replace(/[\u00a0\u202f\u2009]/g, ' '))
    .map((char) => {
      const code = char.codePointAt(0)!;
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return char;
      return WIN_ANSI_EXTRA.has(char) ? char : '?';
    })
    .join('');
}
