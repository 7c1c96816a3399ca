import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { logoType, MAX_LOGO_BYTES } from './logo.ts';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);

describe('logoType', () => {
  it('knows PNG and JPEG by their first bytes', () => {
    expect(logoType(png)).toBe('image/png');
    expect(logoType(jpeg)).toBe('image/jpeg');
  });

  it('refuses other files, empty files and files over 256 KB', () => {
    for (const bytes of [
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]), // GIF89a
      png.slice(0, 4),
      new Uint8Array(0),
    ]) {
      expect(() => logoType(bytes)).toThrow(ValidationError);
    }
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    expect(() => logoType(big)).toThrow(/256 KB/);
    const limit = new Uint8Array(MAX_LOGO_BYTES);
    limit.set(png);
    expect(logoType(limit)).toBe('image/png');
  });
});
