/**
 * A printed document (invoice or receipt) as plain strings, built by pure functions
 * (invoice-layout.ts, receipt-layout.ts) and drawn by adapters/pdf: every figure and word is
 * decided here, so tests check them without a PDF and the renderer only places them.
 */
export interface DocumentLayout {
  /** "Invoice 12" / "Factura 12": also the PDF's title. */
  title: string;
  seller: { name: string; addressLines: string[]; taxIdLine: string | null };
  /** Label and value pairs under the title: number, date, client, booking. */
  meta: Array<[string, string]>;
  table: { headers: [string, string, string]; rows: Array<[string, string, string]> };
  /** Label and value pairs under the table; the last one is drawn bold. */
  totals: Array<[string, string]>;
  notes: string[];
}
