import { createHmac } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { once } from 'node:events';
import { createDeflateRaw, crc32 as zlibCrc32, deflateRawSync, deflateSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// Small, real files built by hand, so upload tests send what a user's office software would.
// ---------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A minimal PDF 1.4 with one empty page, a cross-reference table and a trailer. */
export function pdf(text = 'Đôn Đốc'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
  ];
  const stream = `% ${Buffer.from(text).toString('hex')}\n`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}endstream`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** A 1×1 RGBA PNG with correct chunk CRCs. */
export function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); // width
  ihdr.writeUInt32BE(1, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const scanline = Buffer.from([0, 0xc0, 0x1f, 0x2e, 0xff]); // filter byte + one red-ish pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(scanline)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A decodable 1×1 grey baseline JPEG: JFIF header, one quantisation table, one-code Huffman
 * tables (DC category 0, AC end-of-block), and a single entropy-coded byte.
 */
export function jpeg(): Buffer {
  const seg = (marker: number, body: number[]) => {
    const len = body.length + 2;
    return [0xff, marker, len >> 8, len & 0xff, ...body];
  };
  const huffman = (tableClass: number) => [tableClass << 4, 1, ...Array(15).fill(0), 0x00];
  return Buffer.from([
    0xff,
    0xd8, // SOI
    ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 JFIF
    ...seg(0xdb, [0x00, ...Array(64).fill(1)]), // DQT
    ...seg(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]), // SOF0 1×1, one component
    ...seg(0xc4, huffman(0)), // DHT DC
    ...seg(0xc4, huffman(1)), // DHT AC
    ...seg(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS
    0x3f, // DC diff 0 ('0'), EOB ('0'), padded with 1s
    0xff,
    0xd9, // EOI
  ]);
}

/** A zip archive (local headers, central directory, end record); entries deflated or stored. */
export function zip(entries: { name: string; data: string | Buffer }[], opts: { compress?: boolean } = {}): Buffer {
  const compress = opts.compress ?? true;
  const dosTime = (10 << 11) | (30 << 5); // 10:30:00
  const dosDate = ((2021 - 1980) << 9) | (6 << 5) | 30; // 30/06/2021
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const body = compress ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(compress ? 8 : 0, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(compress ? 8 : 0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';

/**
 * A minimal Word document. file-type decides docx/xlsx from the first `...main+xml` content type in
 * `[Content_Types].xml` (or, failing that, from a `word/` or `xl/` entry), so that entry comes first.
 */
export function docx(text = 'Báo cáo sơ kết'): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      data:
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `${XML}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/document.xml',
      data:
        `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
        `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    },
  ]);
}

/** A minimal Excel workbook with one sheet (entries stored uncompressed, as some producers do). */
export function xlsx(): Buffer {
  return zip(
    [
      {
        name: '[Content_Types].xml',
        data:
          `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      },
      {
        name: '_rels/.rels',
        data: `${XML}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="xl/workbook.xml"/></Relationships>`,
      },
      {
        name: 'xl/workbook.xml',
        data:
          `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="Tiến độ" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data:
          `${XML}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" ` +
          'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data:
          `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
          '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>27</t></is></c></row></sheetData></worksheet>',
      },
    ],
    { compress: false },
  );
}

/** Payloads that must never pass as a PDF, whatever their name says. */
export const DISGUISED: Record<string, Buffer> = {
  elf: Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
    Buffer.alloc(8),
    Buffer.from([0x02, 0x00, 0x3e, 0x00, 0x01, 0x00, 0x00, 0x00]),
    Buffer.alloc(96),
  ]),
  exe: Buffer.concat([
    Buffer.from('MZ'),
    Buffer.alloc(58),
    Buffer.from([0x80, 0, 0, 0]),
    Buffer.from('This program cannot be run in DOS mode.\r\r\n$'),
    Buffer.alloc(32),
  ]),
  html: Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n'),
  text: Buffer.from('Báo cáo kết quả thực hiện nhiệm vụ quý II-2021 (chỉ là văn bản thường)\n'),
};

// ---------------------------------------------------------------------------------------------
// Multipart bodies built by hand, for file names a client library would "helpfully" change.
// ---------------------------------------------------------------------------------------------

export function multipart(parts: { name: string; filename?: string; contentType?: string; data: Buffer | string }[]): {
  body: Buffer;
  contentType: string;
} {
  const boundary = `----dondoc-test-${Date.now().toString(36)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.contentType) head += `Content-Type: ${p.contentType}\r\n`;
    chunks.push(
      Buffer.from(`${head}\r\n`, 'utf8'),
      Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Like `multipart`, but each part's Content-Disposition parameters after `name` are raw bytes, exactly as
 * given: `filename*=UTF-8''...` (RFC 5987), or a `filename="..."` in latin-1 bytes as older clients send it.
 */
export function multipartRawNames(
  parts: { name: string; params?: Buffer; contentType?: string; data: Buffer | string }[],
): {
  body: Buffer;
  contentType: string;
} {
  const boundary = `----dondoc-raw-${Date.now().toString(36)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`, 'utf8'));
    if (p.params) chunks.push(Buffer.from('; '), p.params);
    chunks.push(Buffer.from(`\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`, 'utf8'));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Every regular file under `dir`, relative to it (empty when the directory does not exist yet). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// Response checks shared by the suites.
// ---------------------------------------------------------------------------------------------

interface ResponseLike {
  status: number;
  body: unknown;
  text?: string;
}

function hasKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key));
  }
  return false;
}

/** Never a 500, never a stack trace or a driver's error name, and every error is `{statusCode, code, message}`. */
export function expectClean(res: ResponseLike): void {
  const where = `${res.status} ${res.text ?? JSON.stringify(res.body)}`.slice(0, 500);
  if (res.status >= 500) throw new Error(`server error: ${where}`);
  const raw = res.text ?? (res.body === undefined ? '' : JSON.stringify(res.body));
  if (hasKey(res.body, 'stack')) throw new Error(`a "stack" key leaked: ${where}`);
  if (raw.includes('QueryFailedError')) throw new Error(`a driver error leaked: ${where}`);
  if (
    /\bat (?:[\w.<>$[\] ]+ )?\(?(?:file:\/\/|\/|node:)[^\s)]*:\d+:\d+\)?/.test(raw) ||
    /\n\s+at /.test(raw) ||
    /\\n\s*at /.test(raw)
  )
    throw new Error(`a stack line leaked: ${where}`);
  if (res.status >= 400) {
    const b = res.body as Record<string, unknown>;
    if (!b || typeof b !== 'object') throw new Error(`error without a JSON body: ${where}`);
    if (b.statusCode !== res.status) throw new Error(`statusCode ${String(b.statusCode)} ≠ ${res.status}: ${where}`);
    if (typeof b.code !== 'string' || !/^[A-Z_]+$/.test(b.code)) throw new Error(`no error code: ${where}`);
    if (typeof b.message !== 'string' || !b.message) throw new Error(`no error message: ${where}`);
  }
}

/** `expectClean`, then the status and (if given) the code. */
export function expectError(
  res: ResponseLike,
  status: number,
  code?: string,
): Record<string, unknown> & { message: string } {
  expectClean(res);
  const b = res.body as Record<string, unknown> & { message: string };
  if (res.status !== status || (code && b.code !== code)) {
    throw new Error(`expected ${status}${code ? ` ${code}` : ''}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  return b;
}

// ---------------------------------------------------------------------------------------------
// Tokens signed by hand (HS256), for the expiry and foreign-secret cases.
// ---------------------------------------------------------------------------------------------

export function signJwt(
  payload: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const s = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${s}`;
}

export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Decompression bombs (issue 13): tiny files that expand enormously, built in memory chunk by chunk.
// ---------------------------------------------------------------------------------------------

/** An entry already deflated (raw deflate), with the CRC-32 and size of what it expands to. */
export interface DeflatedEntry {
  name: string;
  body: Buffer;
  crc: number;
  size: number;
}

/** A zip archive of entries deflated beforehand, so one may expand to far more than the test holds in memory. */
export function zipDeflated(entries: DeflatedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.body.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.body.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.body);
    centrals.push(central, name);
    offset += local.length + name.length + e.body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `prefix`, then `size` bytes of `fill`, then `suffix`, deflated a megabyte at a time (never all in memory). */
export async function deflatedRun(prefix: string, fill: number, size: number, suffix = ''): Promise<DeflatedEntry> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (d: Buffer) => out.push(d));
  const ended = once(z, 'end');
  const chunk = Buffer.alloc(1024 * 1024, fill);
  let crc = 0;
  let total = 0;
  const write = async (b: Buffer) => {
    crc = zlibCrc32(b, crc);
    total += b.length;
    if (!z.write(b)) await once(z, 'drain');
  };
  await write(Buffer.from(prefix, 'utf8'));
  for (let left = size; left > 0; left -= chunk.length)
    await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
  await write(Buffer.from(suffix, 'utf8'));
  z.end();
  await ended;
  return { name: '', body: Buffer.concat(out), crc: crc >>> 0, size: total };
}

/**
 * A .docx whose `word/document.xml` is one paragraph of `expandTo` repeated letters (`fill`): about 1/1000 of that
 * on the wire.
 */
export async function docxBomb(expandTo: number, fill = 0x61): Promise<Buffer> {
  const small = (name: string, text: string): DeflatedEntry => {
    const raw = Buffer.from(text, 'utf8');
    return { name, body: deflateRawSync(raw), crc: crc32(raw), size: raw.length };
  };
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const document = await deflatedRun(
    `${XML}<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t xml:space="preserve">`,
    fill,
    expandTo,
    '</w:t></w:r></w:p></w:body></w:document>',
  );
  return zipDeflated([
    small(
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    small(
      '_rels/.rels',
      `${XML}<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${OFFICE_DOC}" Target="word/document.xml"/></Relationships>`,
    ),
    { ...document, name: 'word/document.xml' },
  ]);
}
