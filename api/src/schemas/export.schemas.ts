import { z } from 'zod';
import { LedgerPeriodSchema } from './ledger.schemas.ts';

/** The query of a CSV export: the ledger's period (same days, same limit), and the BOM for Excel. */
export const CsvExportQuery = LedgerPeriodSchema.extend({
  bom: z.enum(['true', 'false']).default('false').meta({
    description: 'true: start the file with the UTF-8 byte order mark, so Excel reads it as UTF-8.',
  }),
}).strict();
