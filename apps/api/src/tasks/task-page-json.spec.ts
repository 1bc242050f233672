import { JsonBuffers } from './task-page-json.js';

const text = (buffers: Buffer[]) => Buffer.concat(buffers).toString('utf8');

describe('JsonBuffers', () => {
  it('writes pieces in order across buffer boundaries, multi-byte characters whole', () => {
    const out = new JsonBuffers();
    const pieces: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const piece = `"Xây dựng kế hoạch số ${i} — quý II-2026 🏛"`;
      pieces.push(piece);
      out.write(piece);
    }
    const buffers = out.end();
    expect(buffers.length).toBeGreaterThan(1);
    expect(text(buffers)).toBe(pieces.join(''));
  });

  it('merges two objects: the first loses its closing brace, the second its opening one', () => {
    const out = new JsonBuffers().write('[');
    out.write('{"a":"ạ"}').unwriteLast().write(',').write('{"b":2}', true);
    expect(JSON.parse(text(out.write(']').end()))).toEqual([{ a: 'ạ', b: 2 }]);
  });

  it('takes a piece larger than a buffer', () => {
    const big = `"${'ệ'.repeat(100_000)}"`;
    const out = new JsonBuffers().write('[').write(big).write(']');
    expect(JSON.parse(text(out.end()))).toEqual(['ệ'.repeat(100_000)]);
  });

  it('writes nothing for an empty page', () => {
    expect(new JsonBuffers().end()).toEqual([]);
  });
});
