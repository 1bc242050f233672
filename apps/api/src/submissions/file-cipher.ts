import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A key id names a key in the ring and in each sealed file's header: short and printable. */
export const FILE_KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** AES-256: a key is 32 bytes. */
export const FILE_KEY_BYTES = 32;

/** The keys files are opened with; new files are sealed with the current one. */
export interface FileKeyRing {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Why a sealed file could not be opened; the message names the key id, never key material. */
export type FileCipherFailure = 'integrity' | 'unknown-key' | 'format';

export class FileCipherError extends Error {
  constructor(
    readonly reason: FileCipherFailure,
    message: string,
  ) {
    super(message);
    this.name = 'FileCipherError';
  }
}

const ALGORITHM = 'aes-256-gcm';
const MAGIC = Buffer.from('DDF', 'ascii');
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/*
 * A sealed file, version 1:
 *   'DDF' | version (1 byte) | key id length (1 byte) | key id (ASCII) | IV (12 bytes) | GCM tag (16 bytes) | ciphertext
 * Everything before the tag is authenticated as additional data, so the key id and the version cannot be
 * altered unnoticed. The header names the key so a file can be opened even without its database row.
 */

interface Header {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  /** The authenticated part of the header (magic through IV). */
  aad: Buffer;
  bodyAt: number;
}

function readHeader(sealed: Buffer): Header {
  const fixed = MAGIC.length + 2;
  if (sealed.length < fixed || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new FileCipherError('format', 'The stored file is not a sealed file (no header)');
  }
  const version = sealed[MAGIC.length];
  if (version !== VERSION) {
    throw new FileCipherError('format', `The stored file's format version ${version} is not known`);
  }
  const idLength = sealed[MAGIC.length + 1];
  const ivAt = fixed + idLength;
  const tagAt = ivAt + IV_BYTES;
  const bodyAt = tagAt + TAG_BYTES;
  if (idLength === 0 || sealed.length < bodyAt) {
    throw new FileCipherError('format', 'The stored file is truncated (its header is incomplete)');
  }
  const keyId = sealed.subarray(fixed, ivAt).toString('latin1');
  if (!FILE_KEY_ID.test(keyId)) throw new FileCipherError('format', "The stored file's key id is malformed");
  return {
    keyId,
    iv: sealed.subarray(ivAt, tagAt),
    tag: sealed.subarray(tagAt, bodyAt),
    aad: sealed.subarray(0, tagAt),
    bodyAt,
  };
}

/** Seals a file with the ring's current key: a fresh random IV each time, so equal files never look equal. */
export function sealFile(plain: Buffer, ring: FileKeyRing): { sealed: Buffer; keyId: string } {
  const keyId = ring.currentKeyId;
  const key = ring.keys.get(keyId);
  if (!key) throw new FileCipherError('unknown-key', `The current file key "${keyId}" is not in the key ring`);
  const id = Buffer.from(keyId, 'latin1');
  const iv = randomBytes(IV_BYTES);
  const aad = Buffer.concat([MAGIC, Buffer.from([VERSION, id.length]), id, iv]);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { sealed: Buffer.concat([aad, cipher.getAuthTag(), body]), keyId };
}

/** The id of the key a sealed file names in its header. */
export function sealedKeyId(sealed: Buffer): string {
  return readHeader(sealed).keyId;
}

/**
 * Opens a sealed file. The tag is checked before a byte is returned: an altered file, or one sealed with a
 * different key under the same id, fails with `integrity`, never yields garbage.
 */
export function openSealedFile(sealed: Buffer, ring: Pick<FileKeyRing, 'keys'>): { plain: Buffer; keyId: string } {
  const header = readHeader(sealed);
  const key = ring.keys.get(header.keyId);
  if (!key) {
    throw new FileCipherError(
      'unknown-key',
      `The stored file is sealed with key "${header.keyId}", which is not in FILE_ENCRYPTION_KEYS`,
    );
  }
  const decipher = createDecipheriv(ALGORITHM, key, header.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(header.aad);
  decipher.setAuthTag(header.tag);
  const out = decipher.update(sealed.subarray(header.bodyAt));
  try {
    return { plain: Buffer.concat([out, decipher.final()]), keyId: header.keyId };
  } catch {
    out.fill(0);
    throw new FileCipherError(
      'integrity',
      `The stored file failed its integrity check (altered, or sealed with another key named "${header.keyId}")`,
    );
  }
}
