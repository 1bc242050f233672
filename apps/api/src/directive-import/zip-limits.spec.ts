import { deflateRawSync } from 'node:zlib';
import { zip } from '../../../../test/e2e/support/files.js';
import { ImportRefusal } from './import-refusal.js';
import { assertZipExpandsWithin } from './zip-limits.js';

/** What an uploaded zip expands to is measured by inflating it under a bound, not read from its headers. */
describe('assertZipExpandsWithin', () => {
  const MB = 1024 * 1024;
  const refusal = (f: () => unknown): ImportRefusal => {
    try {
      f();
    } catch (err) {
      if (err instanceof ImportRefusal) return err;
      throw err;
    }
    throw new Error('no refusal');
  };

  it('sums what deflated and stored entries expand to', () => {
    const b = zip([
      { name: 'a.xml', data: Buffer.alloc(100_000, 0x61) },
      { name: 'b.xml', data: 'xyz' },
    ]);
    expect(assertZipExpandsWithin(b, MB)).toBe(100_003);
    expect(assertZipExpandsWithin(zip([{ name: 's.txt', data: 'stored' }], { compress: false }), MB)).toBe(6);
  });

  it('refuses 413 when the entries together expand beyond the cap, whatever the headers declare', () => {
    const b = zip([
      { name: 'a.xml', data: Buffer.alloc(0.6 * MB, 0x61) },
      { name: 'b.xml', data: Buffer.alloc(0.6 * MB, 0x61) },
    ]);
    // Lie in the central directory: declare 10 bytes for the first entry.
    const lying = Buffer.from(b);
    const central = lying.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), lying.length - 22 - 46 - 5);
    lying.writeUInt32LE(10, central + 24);
    for (const archive of [b, lying]) {
      const r = refusal(() => assertZipExpandsWithin(archive, MB));
      expect({ status: r.status, code: r.code, details: r.details }).toEqual({
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        details: { limit: 'expanded-size', maxBytes: MB },
      });
    }
    expect(deflateRawSync(Buffer.alloc(1.2 * MB, 0x61)).length).toBeLessThan(10_000);
  });

  it('refuses 415 a zip it cannot walk', () => {
    const b = zip([{ name: 'a.xml', data: 'x' }]);
    expect(refusal(() => assertZipExpandsWithin(b.subarray(0, 20), MB)).status).toBe(415);
    expect(refusal(() => assertZipExpandsWithin(Buffer.concat([b.subarray(0, 10), b.subarray(40)]), MB)).status).toBe(
      415,
    );
  });
});
