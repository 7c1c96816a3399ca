import { ValidationError } from '../errors.ts';

/** The largest logo kept: it is stored in the database and drawn into every PDF. */
export const MAX_LOGO_BYTES = 256 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/**
 * The type of an uploaded logo, from its first bytes (what the file is, not what the client says
 * it is): PNG or JPEG, at most MAX_LOGO_BYTES. Anything else is refused with a 400.
 */
export function logoType(bytes: Uint8Array): 'image/png' | 'image/jpeg' {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_LOGO_BYTES) {
    throw invalid(`must be 1 byte to ${MAX_LOGO_BYTES / 1024} KB once decoded`);
  }
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  throw invalid('must be a PNG or JPEG image');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function invalid(message: string): ValidationError {
  return new ValidationError(`The logo ${message}.`, [{ path: 'logo.dataBase64', message }]);
}
