import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import type { DocumentRenderer } from '../adapters/pdf/document-renderer.ts';
import { ValidationError } from '../domain/errors.ts';
import { logoType } from '../domain/invoices/logo.ts';
import type { InvoiceSettingsDto, UpdateInvoiceSettingsBody } from '../schemas/invoice.schemas.ts';

/**
 * Changes the tenant's invoice settings. A logo is checked by its bytes (PNG or JPEG, ≤ 256 KB)
 * and then drawn once, so a file that only starts like an image is refused now (400) rather than
 * breaking every PDF later.
 */
export async function updateInvoiceSettings(
  scope: TenantScope,
  renderer: DocumentRenderer,
  body: UpdateInvoiceSettingsBody,
  now: Date,
): Promise<InvoiceSettingsDto> {
  const { logo, ...fields } = body;
  let stored: { bytes: Uint8Array; type: 'image/png' | 'image/jpeg' } | null | undefined = undefined;
  if (logo === null) stored = null;
  else if (logo !== undefined) {
    const bytes = new Uint8Array(Buffer.from(logo.dataBase64, 'base64'));
    stored = { bytes, type: logoType(bytes) };
    if (!(await renderer.canDraw(stored))) {
      throw new ValidationError('The logo is not a readable PNG or JPEG image.', [
        { path: 'logo.dataBase64', message: 'is not a readable image' },
      ]);
    }
  }
  await scope.invoices.saveSettings(fields, stored, now);
  return scope.invoices.settings();
}
