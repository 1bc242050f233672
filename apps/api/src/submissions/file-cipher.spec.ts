import { randomBytes } from 'node:crypto';
import { FileCipherError, openSealedFile, sealedKeyId, sealFile, type FileKeyRing } from './file-cipher.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring = (currentKeyId: string, keys: Record<string, Buffer>): FileKeyRing => ({
  currentKeyId,
  keys: new Map(Object.entries(keys)),
});

/** The failure a call ends in, for its reason and message. */
function failure(open: () => unknown): FileCipherError {
  try {
    open();
  } catch (err) {
    if (err instanceof FileCipherError) return err;
    throw err;
  }
  throw new Error('expected the file not to open');
}

describe('file cipher (AES-256-GCM)', () => {
  const plain = Buffer.from('%PDF-1.4\nBáo cáo mật: nội dung thử nghiệm\n'.repeat(50));

  it('opens what it sealed, byte for byte, and the sealed bytes are not the content', () => {
    const { sealed, keyId } = sealFile(plain, ring('k1', { k1 }));
    expect(keyId).toBe('k1');
    expect(sealedKeyId(sealed)).toBe('k1');
    expect(sealed.includes(plain.subarray(0, 16))).toBe(false);
    const opened = openSealedFile(sealed, ring('k1', { k1 }));
    expect(opened.keyId).toBe('k1');
    expect(Buffer.compare(opened.plain, plain)).toBe(0);
  });

  it('seals an empty file and the same content differently each time (a fresh IV)', () => {
    const empty = sealFile(Buffer.alloc(0), ring('k1', { k1 }));
    expect(openSealedFile(empty.sealed, ring('k1', { k1 })).plain.length).toBe(0);
    const a = sealFile(plain, ring('k1', { k1 })).sealed;
    const b = sealFile(plain, ring('k1', { k1 })).sealed;
    expect(a.equals(b)).toBe(false);
  });

  it('opens a file sealed with an older key of the ring after the current key changed', () => {
    const { sealed } = sealFile(plain, ring('k1', { k1 }));
    const rotated = ring('k2', { k1, k2 });
    expect(Buffer.compare(openSealedFile(sealed, rotated).plain, plain)).toBe(0);
    expect(sealFile(plain, rotated).keyId).toBe('k2');
  });

  it('refuses an altered file: a flipped byte anywhere in the content, the tag, the IV or the key id', () => {
    const { sealed } = sealFile(plain, ring('k1', { k1 }));
    const headerLength = 3 + 1 + 1 + 2 + 12 + 16;
    for (const at of [sealed.length - 1, headerLength + 5, headerLength - 1, headerLength - 20]) {
      const altered = Buffer.from(sealed);
      altered[at] ^= 0x01;
      const err = failure(() => openSealedFile(altered, ring('k1', { k1 })));
      expect(err.reason).toBe('integrity');
      expect(err.message).toMatch(/integrity check/);
    }
    // The key id is authenticated too: renamed to another key of the ring, it fails.
    const renamed = Buffer.from(sealed);
    renamed.write('k2', 5, 'latin1');
    expect(failure(() => openSealedFile(renamed, ring('k1', { k1, k2 }))).reason).toBe('integrity');
  });

  it('refuses a truncated file and one without the header', () => {
    const { sealed } = sealFile(plain, ring('k1', { k1 }));
    expect(failure(() => openSealedFile(sealed.subarray(0, sealed.length - 1), ring('k1', { k1 }))).reason).toBe(
      'integrity',
    );
    expect(failure(() => openSealedFile(sealed.subarray(0, 20), ring('k1', { k1 }))).reason).toBe('format');
    expect(failure(() => openSealedFile(plain, ring('k1', { k1 }))).reason).toBe('format');
  });

  it('refuses the wrong key under the right id: an error, never garbage', () => {
    const { sealed } = sealFile(plain, ring('k1', { k1 }));
    const err = failure(() => openSealedFile(sealed, ring('k1', { k1: k2 })));
    expect(err.reason).toBe('integrity');
  });

  it('names an unknown key id, and never a key', () => {
    const { sealed } = sealFile(plain, ring('k1', { k1 }));
    const err = failure(() => openSealedFile(sealed, ring('k2', { k2 })));
    expect(err.reason).toBe('unknown-key');
    expect(err.message).toContain('"k1"');
    for (const key of [k1, k2]) {
      expect(err.message).not.toContain(key.toString('base64'));
    }
    expect(failure(() => sealFile(plain, ring('k3', { k1 }))).reason).toBe('unknown-key');
  });
});
