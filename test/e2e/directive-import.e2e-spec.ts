import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TASKS } from '@dondoc/persistence';
import { foldVietnamese, type DirectiveImportProposal } from '@dondoc/contracts';
import { localDate, WorkingCalendar } from '@dondoc/workflow';
import { pdf as scannedPdf, png, zip } from './support/files.js';
import { CALENDAR_OFF, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Nhập văn bản: a directive's text or file → a proposal (nothing saved) → the Office's confirmation → the
 * directive and its tasks in `drafted`, in one transaction. Real fixtures, real files, real database.
 */

const FIXTURES = join(__dirname, '../../libs/directive-parser/fixtures');
/** Documents made from the fixtures with Chromium (test/fixtures/directives/make-fixture-documents.mjs). */
const DOCUMENTS = join(__dirname, '../fixtures/directives');

interface Fixture {
  file: string;
  tasks: number;
  number: string | null;
  kind: string;
  /** Lead agency codes in order, when the directive names them. */
  leads?: string[];
}

const FIXTURE_LIST: Fixture[] = [
  {
    file: 'kien-giang-07-CTr-TU-action-program-2021.txt',
    tasks: 27,
    number: '07-CTr/TU',
    kind: 'action_program',
    // The demo seed's 27 catalog tasks were read off the same catalog by hand.
    leads: DEMO_TASKS.filter((t) => t.code.startsWith('07-CTr/TU-')).map((t) => t.leadAgencyCode ?? ''),
  },
  { file: 'kien-giang-monthly-program-2021-04.txt', tasks: 4, number: null, kind: 'monthly_program' },
  { file: 'provincial-conclusion-28-KL-TU-q4-2020-news.txt', tasks: 15, number: '28-KL/TU', kind: 'conclusion' },
];

const read = (f: Fixture) => readFileSync(join(FIXTURES, f.file), 'utf8');

// ---------------------------------------------------------------------------------------------
// Files as office software writes them, built here (no extra dependencies).
// ---------------------------------------------------------------------------------------------

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Word document with one paragraph per line; tabs (a catalog's columns) as Word tabs. */
function docxOf(text: string): Buffer {
  const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const paragraphs = text
    .split('\n')
    .map((line) => {
      const runs = line
        .split('\t')
        .map((cell) => `<w:t xml:space="preserve">${xmlEscape(cell)}</w:t>`)
        .join('<w:tab/>');
      return `<w:p><w:r>${runs}</w:r></w:p>`;
    })
    .join('');
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
      data:
        `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'word/document.xml',
      data: `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`,
    },
  ]);
}

/**
 * A PDF with a real text layer: a Type0 font with Identity-H encoding whose glyph ids are the characters'
 * code points, and a ToUnicode map saying so (how PDF producers write Vietnamese). 45 lines a page.
 */
/** Lines as a word processor lays them out: wrapped at the page's width (9 pt glyphs of 4.5 pt on 535 pt). */
function wrapped(text: string, width = 115): string[] {
  return text.split('\n').flatMap((line) => {
    const out: string[] = [];
    let rest = line;
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      const at = cut > 0 ? cut : width;
      out.push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    out.push(rest);
    return out;
  });
}

function textPdf(text: string): Buffer {
  const lines = wrapped(text);
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += 45) pages.push(lines.slice(i, i + 45));
  const codes = [...new Set([...text.replace(/\n/g, '')].map((c) => c.codePointAt(0) ?? 32))].filter(
    (c) => c <= 0xffff,
  );
  const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const chunks: string[] = [];
  for (let i = 0; i < codes.length; i += 100) {
    const part = codes.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.map((c) => `<${hex4(c)}> <${hex4(c)}>`).join('\n')}\nendbfchar`);
  }
  const cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
    `${chunks.join('\n')}\nendcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n`;
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 0; // 1-based id = new length
  const stream = (body: string, extra = '') =>
    `<< /Length ${Buffer.byteLength(body, 'latin1')}${extra} >>\nstream\n${body}\nendstream`;
  add('<< /Type /Catalog /Pages 2 0 R >>'); // 1
  add('PAGES'); // 2, filled in below
  add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>',
  ); // 3
  add(
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 500 /CIDToGIDMap /Identity >>',
  ); // 4
  add(stream(cmap)); // 5
  add(
    '<< /Type /FontDescriptor /FontName /Arial /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ); // 6
  const kids: number[] = [];
  for (const page of pages) {
    const body = [
      'BT',
      '/F1 9 Tf',
      '12 TL',
      '30 800 Td',
      ...page.map((l) => `<${[...l].map((c) => hex4(c.codePointAt(0) ?? 32)).join('')}> Tj T*`),
      'ET',
    ].join('\n');
    const content = add(stream(body));
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------------------------------------

let seq = 0;
const uniqueNumber = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}${++seq}/TU`;

/** Rows an import must never touch and a confirm must add to. */
async function counts(t: TestApp) {
  const r = await t.db.query<{ directives: number; tasks: number; events: number }>(
    `SELECT (SELECT count(*)::int FROM directives) AS directives, (SELECT count(*)::int FROM tasks) AS tasks,
            (SELECT count(*)::int FROM task_events) AS events`,
  );
  return r.rows[0];
}

/** The proposal as the board sends it back when the Office changes nothing but the number. */
function confirmBody(p: DirectiveImportProposal, number: string) {
  return {
    directive: {
      number,
      kind: p.directive.kind,
      title: p.directive.title || 'Văn bản nhập thử',
      issuedOn: p.directive.issuedOn,
      issuer: p.directive.issuer,
      signer: p.directive.signer,
      place: p.directive.place,
    },
    tasks: p.tasks.map((task) => ({
      title: task.title,
      description: task.text,
      deliverableType: task.deliverableType,
      field: task.field,
      leadAgencyId: task.leadAgencyId,
      coordinatingAgencyIds: task.coordinatingAgencyIds,
      dueDate: task.dueDate,
      deadlineWorkingDays: task.deadlineWorkingDays,
      deadlineFrom: task.deadlineFrom ?? undefined,
      continuous: task.continuous,
      deadlineText: task.dueText,
    })),
  };
}

/** A conclusion whose tasks state their deadlines in the other wordings: working days, a date, continuous work. */
const DEADLINE_WORDINGS = `THÔNG BÁO KẾT LUẬN
của Thường trực Tỉnh ủy về nhiệm vụ tháng 3 năm 2030

1. Giao Ban Tuyên giáo Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền, hoàn thành trong 10 ngày làm việc kể từ ngày nhận được Thông báo này.
2. Giao Ban Tổ chức Tỉnh ủy chủ trì rà soát quy hoạch cán bộ, hoàn thành trước ngày 20/3/2030.
3. Giao Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra, giám sát (thời gian: thường xuyên).
4. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến nhân dân, trong mười lăm ngày làm việc kể từ ngày giao.
`;

/** Confirms DEADLINE_WORDINGS with "Xác nhận và giao" (less the continuous row) and reads the tasks back. */
async function confirmAndAssign(app: TestApp, office: { Authorization: string }, codeOf: Map<string, string>) {
  const p = (await app.http.post('/api/directives/import').set(office).send({ text: DEADLINE_WORDINGS }).expect(200))
    .body as DirectiveImportProposal;
  const body = { ...confirmBody(p, uniqueNumber('TB-GIAO')), assign: true };
  // Continuous work has no date to assign with: the Office leaves it out of this batch.
  body.tasks.splice(2, 1);
  const lead = [...codeOf.entries()].find(([, code]) => code === 'ban-tuyen-giao')![0];
  for (const task of body.tasks) {
    task.leadAgencyId ??= lead;
    task.coordinatingAgencyIds = task.coordinatingAgencyIds.filter((c) => c !== task.leadAgencyId);
  }
  const res = await app.http.post('/api/directives/import/confirm').set(office).send(body);
  expect({ status: res.status, code: res.body.code, message: res.body.message }).toMatchObject({ status: 201 });
  const rows = await app.db.query<{ state: string; due_date: string; deadline_working_days: number | null }>(
    `SELECT state, due_date::text, deadline_working_days FROM tasks WHERE id = ANY($1::uuid[]) ORDER BY code`,
    [res.body.taskIds],
  );
  return rows.rows;
}

describe('directive import (Nhập văn bản)', () => {
  let t: TestApp;
  let office: { Authorization: string };
  let codeOf: Map<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000' });
    office = await t.as('vanphong');
    const agencies = await t.db.query<{ id: string; code: string }>(`SELECT id, code FROM agencies`);
    codeOf = new Map(agencies.rows.map((a) => [a.id, a.code]));
  });
  afterAll(() => t?.close());

  const MODES = ['pasted text', '.txt', '.docx', '.pdf'] as const;
  const cases = FIXTURE_LIST.flatMap((fixture) => MODES.map((mode) => ({ fixture, mode, name: fixture.file })));

  function send(mode: (typeof MODES)[number], text: string, auth = office) {
    const req = t.http.post('/api/directives/import').set(auth);
    switch (mode) {
      case 'pasted text':
        return req.send({ text });
      case '.txt':
        return req.attach('file', Buffer.from(text, 'utf8'), 'Văn bản.txt');
      case '.docx':
        return req.attach('file', docxOf(text), 'Văn bản.docx');
      case '.pdf':
        return req.attach('file', textPdf(text), 'Văn bản.pdf');
    }
  }

  it.each(cases)('proposes the tasks of $name from $mode, saving nothing', async ({ fixture, mode }) => {
    const before = await counts(t);
    const res = await send(mode, read(fixture));
    expect({ status: res.status, code: res.body.code, message: res.body.message }).toMatchObject({ status: 200 });
    const p = res.body as DirectiveImportProposal;
    if (mode === '.pdf' && fixture.leads) {
      // This PDF draws the catalog's rows as plain lines, no columns: the body's items are read instead. Every catalog
      // deliverable is proposed (found by its title), besides the implementation section's own assignments.
      const catalog = (await send('pasted text', read(fixture)).expect(200)).body as DirectiveImportProposal;
      // The body words a deliverable a little differently ("Xây dựng Đề án về …" for the row's "Đề án …"): most of the
      // row's first words are in the task's text.
      const words = (s: string) => foldVietnamese(s, { wordsOnly: true }).split(' ');
      const same = (row: string, task: string) => {
        const have = new Set(words(task));
        const want = words(row).slice(0, 8);
        return want.filter((w) => have.has(w)).length >= 0.75 * want.length;
      };
      const found = catalog.tasks.filter((row) => p.tasks.some((task) => same(row.title, task.text)));
      expect(found.map((row) => row.title)).toEqual(catalog.tasks.map((row) => row.title));
      expect(p.tasks.length).toBeGreaterThanOrEqual(fixture.tasks);
      expect(p.tasks.length).toBeLessThanOrEqual(fixture.tasks + 4);
    } else {
      expect(p.tasks).toHaveLength(fixture.tasks);
    }
    expect(p.directive).toMatchObject({ number: fixture.number, kind: fixture.kind });
    expect(p.source.kind).toBe(mode === 'pasted text' ? 'text' : mode.slice(1));
    // The demo holds 07-CTr/TU and 28-KL/TU already: the proposal says so before anyone confirms.
    expect(p.existingDirectiveId !== null).toBe(fixture.number !== null);
    if (fixture.leads) {
      const leads = p.tasks.map((task) => codeOf.get(task.leadAgencyId ?? '') ?? null);
      if (mode === '.pdf') {
        // Without the catalog's lead column, each task's lead is the one its body item names (or suggested by remit).
        expect(leads.filter(Boolean).length).toBeGreaterThanOrEqual(15);
      } else {
        expect(leads).toEqual(fixture.leads);
      }
    }
    for (const task of p.tasks) {
      expect(task.title.length).toBeGreaterThan(0);
      expect(task.deliverableType).toMatch(/^[a-z_]+$/);
      expect(task.deliverableType).not.toContain('-');
      expect(['party_building', 'economy', 'culture_society', 'defense_security']).toContain(task.field);
      expect(task.confidence).toBeGreaterThanOrEqual(0);
      expect(task.confidence).toBeLessThanOrEqual(1);
      expect(task.source.startLine).toBeGreaterThan(0);
    }
    expect(await counts(t)).toEqual(before);
  });

  it('proposes 07-CTr/TU with its catalog deadlines and deliverable types', async () => {
    const res = await send('pasted text', read(FIXTURE_LIST[0])).expect(200);
    const p = res.body as DirectiveImportProposal;
    expect(p.tasks[0]).toMatchObject({ deliverableType: 'de_an', dueDate: '2021-06-30' });
    expect(p.tasks.every((task) => task.leadAgencyId !== null && task.leadAgencyUnmatched === null)).toBe(true);
    expect(p.directive).toMatchObject({ issuedOn: '2021-04-02', signer: 'Đỗ Thanh Bình' });
  });

  it('creates the directive and every task in drafted in one go, visible on the board', async () => {
    const proposal = (await send('pasted text', read(FIXTURE_LIST[0])).expect(200)).body as DirectiveImportProposal;
    const number = uniqueNumber('07-IMP');
    const before = await counts(t);
    const res = await t.http.post('/api/directives/import/confirm').set(office).send(confirmBody(proposal, number));
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    expect(res.body.directive).toMatchObject({ number, kind: 'action_program', issuedOn: '2021-04-02' });
    expect(res.body.taskIds).toHaveLength(27);
    expect(res.body.tasks[0].code).toBe(`${number}-01`);
    expect(res.body.tasks[26].code).toBe(`${number}-27`);
    expect(await counts(t)).toEqual({
      directives: before.directives + 1,
      tasks: before.tasks + 27,
      events: before.events + 27,
    });

    const list = await t.http
      .get('/api/tasks')
      .query({ directiveId: res.body.directive.id, limit: 100 })
      .set(office)
      .expect(200);
    expect(list.body.total).toBe(27);
    const items = list.body.items as { id: string; code: string; state: string; leadAgencyId: string | null }[];
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(['drafted']));
    expect(items.map((i) => i.id).sort()).toEqual([...res.body.taskIds].sort());
    const byCode = new Map(items.map((i) => [i.code, i]));
    FIXTURE_LIST[0].leads!.forEach((lead, i) => {
      expect(codeOf.get(byCode.get(`${number}-${String(i + 1).padStart(2, '0')}`)?.leadAgencyId ?? '')).toBe(lead);
    });
    // Searchable like any task, and with its history row.
    const found = await t.http
      .get('/api/tasks')
      .query({ q: `${number}-01`, limit: 5 })
      .set(office)
      .expect(200);
    expect(found.body.items.map((i: { code: string }) => i.code)).toContain(`${number}-01`);
    const detail = await t.http.get(`/api/tasks/${res.body.taskIds[0]}`).set(office).expect(200);
    expect(detail.body.history).toEqual([expect.objectContaining({ event: 'CREATE', to: 'drafted' })]);
    expect(detail.body.description.length).toBeGreaterThan(0);
    // Agencies never see drafts.
    const agency = await t.http
      .get('/api/tasks')
      .query({ directiveId: res.body.directive.id })
      .set(await t.as('bcsd-ubnd'))
      .expect(200);
    expect(agency.body.total).toBe(0);

    // The same number again: refused with its own code, and nothing written.
    const again = await t.http.post('/api/directives/import/confirm').set(office).send(confirmBody(proposal, number));
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'DIRECTIVE_EXISTS' });
    expect(again.body.message).toContain(number);
    expect(again.body.message).toMatch(/đã được nhập/);
    expect(await counts(t)).toEqual({
      directives: before.directives + 1,
      tasks: before.tasks + 27,
      events: before.events + 27,
    });
  });

  it('refuses a number the demo already holds (07-CTr/TU) and writes nothing', async () => {
    const proposal = (await send('pasted text', read(FIXTURE_LIST[0])).expect(200)).body as DirectiveImportProposal;
    const before = await counts(t);
    const res = await t.http
      .post('/api/directives/import/confirm')
      .set(office)
      .send(confirmBody(proposal, '07-CTr/TU'));
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'DIRECTIVE_EXISTS' });
    expect(await counts(t)).toEqual(before);
  });

  it('lets exactly one of two simultaneous confirms of the same number through', async () => {
    const proposal = (await send('pasted text', read(FIXTURE_LIST[2])).expect(200)).body as DirectiveImportProposal;
    const number = uniqueNumber('28-RACE');
    const before = await counts(t);
    const body = confirmBody(proposal, number);
    const answers = await Promise.all(
      [0, 1, 2].map(() => t.http.post('/api/directives/import/confirm').set(office).send(body)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'DIRECTIVE_EXISTS')).toBe(true);
    expect(await counts(t)).toEqual({
      directives: before.directives + 1,
      tasks: before.tasks + 15,
      events: before.events + 15,
    });
  });

  it('creates drafts without a lead agency (the monthly program names none) and with the Office’s edits', async () => {
    const proposal = (await send('.docx', read(FIXTURE_LIST[1])).expect(200)).body as DirectiveImportProposal;
    // Nobody is named: a lead is only ever a suggestion by remit, marked as such, with its reason.
    expect(proposal.tasks.every((task) => task.leadAgencyId === null || task.leadSuggested)).toBe(true);
    expect(proposal.tasks.filter((task) => task.leadSuggested).length).toBeGreaterThanOrEqual(2);
    for (const task of proposal.tasks)
      expect(task.reasons.lead.code).toBe(task.leadSuggested ? 'lead-by-topic' : 'lead-none');
    const number = uniqueNumber('CTr-T4');
    const body = confirmBody(proposal, number);
    const lead = [...codeOf.entries()].find(([, code]) => code === 'ban-tuyen-giao')![0];
    const coord = [...codeOf.entries()].find(([, code]) => code === 'ban-dan-van')![0];
    // The Office removes the last row, adds one of its own, picks a lead and a date for the first.
    body.tasks.pop();
    body.tasks[0] = { ...body.tasks[0], leadAgencyId: lead, coordinatingAgencyIds: [coord], dueDate: '2030-04-30' };
    body.tasks.push({
      title: 'Kiểm tra việc thực hiện Chương trình tháng',
      description: '',
      deliverableType: 'bao_cao',
      field: 'party_building',
      leadAgencyId: null,
      coordinatingAgencyIds: [],
      dueDate: null,
      deadlineWorkingDays: null,
      deadlineFrom: undefined,
      continuous: false,
      deadlineText: null,
    });
    const res = await t.http.post('/api/directives/import/confirm').set(office).send(body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    const list = await t.http.get('/api/tasks').query({ directiveId: res.body.directive.id }).set(office).expect(200);
    expect(list.body.total).toBe(4);
    const first = list.body.items.find((i: { code: string }) => i.code === `${number}-01`);
    expect(first).toMatchObject({
      state: 'drafted',
      leadAgencyId: lead,
      coordinatingAgencyIds: [coord],
      dueDate: '2030-04-30',
    });
    expect(list.body.items.find((i: { code: string }) => i.code === `${number}-04`)).toMatchObject({
      title: 'Kiểm tra việc thực hiện Chương trình tháng',
      leadAgencyId: null,
      dueDate: null,
    });
  });

  describe('deadlines in working days, stated dates and continuous work', () => {
    it('proposes them, and the confirmed drafts keep them', async () => {
      const p = (await send('pasted text', DEADLINE_WORDINGS).expect(200)).body as DirectiveImportProposal;
      expect(p.tasks.map((x) => [x.dueDate, x.deadlineWorkingDays, x.deadlineFrom, x.continuous])).toEqual([
        [null, 10, 'received', false],
        ['2030-03-20', null, null, false],
        [null, null, null, true],
        [null, 15, 'assigned', false],
      ]);
      expect(p.tasks[0].dueText).toBe('hoàn thành trong 10 ngày làm việc kể từ ngày nhận được Thông báo này');
      const res = await t.http
        .post('/api/directives/import/confirm')
        .set(office)
        .send(confirmBody(p, uniqueNumber('TB-NLV')));
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
      const rows = await t.db.query<{
        due_date: string | null;
        deadline_working_days: number | null;
        deadline_from: string | null;
        continuous: boolean;
      }>(
        `SELECT due_date::text, deadline_working_days, deadline_from, continuous FROM tasks
          WHERE id = ANY($1::uuid[]) ORDER BY code`,
        [res.body.taskIds],
      );
      expect(rows.rows).toEqual([
        { due_date: null, deadline_working_days: 10, deadline_from: 'received', continuous: false },
        { due_date: '2030-03-20', deadline_working_days: null, deadline_from: null, continuous: false },
        { due_date: null, deadline_working_days: null, deadline_from: null, continuous: true },
        { due_date: null, deadline_working_days: 15, deadline_from: 'assigned', continuous: false },
      ]);
    });

    it('"Xác nhận và giao" fixes working days as a date on the calendar in force (off here: every day counts)', async () => {
      const rows = await confirmAndAssign(t, office, codeOf);
      const today = localDate(new Date());
      const calendar = new WorkingCalendar(CALENDAR_OFF);
      expect(rows).toEqual([
        { state: 'assigned', due_date: calendar.addWorkingDays(today, 10), deadline_working_days: 10 },
        { state: 'assigned', due_date: '2030-03-20', deadline_working_days: null },
        { state: 'assigned', due_date: calendar.addWorkingDays(today, 15), deadline_working_days: 15 },
      ]);
    });

    it('refuses a row giving its deadline two ways, creating nothing', async () => {
      const p = (await send('pasted text', DEADLINE_WORDINGS).expect(200)).body as DirectiveImportProposal;
      const body = confirmBody(p, uniqueNumber('TB-HAI'));
      body.tasks[0].dueDate = '2030-04-30';
      const before = await counts(t);
      const res = await t.http.post('/api/directives/import/confirm').set(office).send(body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('a confirm that is wrong changes nothing', () => {
    let proposal: DirectiveImportProposal;
    beforeAll(async () => {
      proposal = (await send('pasted text', read(FIXTURE_LIST[2])).expect(200)).body as DirectiveImportProposal;
    });

    const wrong: [string, (b: ReturnType<typeof confirmBody>) => void, string][] = [
      [
        'an unknown lead agency',
        (b) => (b.tasks[3].leadAgencyId = '00000000-0000-4000-8000-000000000000'),
        '400 UNKNOWN_AGENCY',
      ],
      [
        'an unknown coordinating agency',
        (b) => (b.tasks[0].coordinatingAgencyIds = ['00000000-0000-4000-8000-000000000001']),
        '400 UNKNOWN_AGENCY',
      ],
      ['a task without a title', (b) => (b.tasks[2].title = '  '), '400 VALIDATION_FAILED'],
      [
        'an unknown deliverable type',
        (b) => ((b.tasks[2] as { deliverableType: string }).deliverableType = 'de-an'),
        '400 VALIDATION_FAILED',
      ],
      ['a date that is not ISO', (b) => (b.tasks[1].dueDate = '31/12/2020'), '400 VALIDATION_FAILED'],
      ['no tasks at all', (b) => (b.tasks = []), '400 VALIDATION_FAILED'],
      ['an unknown field', (b) => Object.assign(b.tasks[0], { confidence: 0.9 }), '400 VALIDATION_FAILED'],
      ['no directive number', (b) => (b.directive.number = ''), '400 VALIDATION_FAILED'],
      [
        'an unknown directive kind',
        (b) => ((b.directive as { kind: string }).kind = 'ket-luan'),
        '400 VALIDATION_FAILED',
      ],
    ];
    it.each(wrong)('%s → %s', async (_what, spoil, expected) => {
      const body = confirmBody(proposal, uniqueNumber('28-BAD'));
      spoil(body);
      const before = await counts(t);
      const res = await t.http.post('/api/directives/import/confirm').set(office).send(body);
      expect(`${res.status} ${res.body.code}`).toBe(expected);
      expect(typeof res.body.message).toBe('string');
      expect(await counts(t)).toEqual(before);
      const left = await t.http.get('/api/directives').set(office).expect(200);
      expect(left.body.map((d: { number: string }) => d.number)).not.toContain(body.directive.number);
    });
  });

  describe('bad input gets a clear error and changes nothing', () => {
    const latin1 = Buffer.from('Chương trình số 1-CTr/TU\n1. Giao Ban Tuyên giáo xây dựng kế hoạch', 'utf8').map((b) =>
      b > 0x7f ? 0xe9 : b,
    );
    const cases: [string, () => ReturnType<TestApp['http']['post']>, string, RegExp | null][] = [
      ['an empty file', () => attach(Buffer.alloc(0), 'trống.txt'), '400 EMPTY_DOCUMENT', null],
      ['a file of blank lines', () => attach(Buffer.from(' \n\n\t \n'), 'trắng.txt'), '400 EMPTY_DOCUMENT', null],
      ['an empty pasted text', () => post().send({ text: '   \n' }), '400 EMPTY_DOCUMENT', null],
      ['neither text nor file', () => post().send({}), '400 EMPTY_DOCUMENT', null],
      ['an empty Word file', () => attach(docxOf(''), 'trống.docx'), '400 EMPTY_DOCUMENT', null],
      ['a scanned PDF (no text layer)', () => attach(scannedPdf(), 'bản quét.pdf'), '422 PDF_HAS_NO_TEXT', /OCR/],
      [
        'a file over 10 MB',
        () => attach(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'lớn.txt'),
        '413 PAYLOAD_TOO_LARGE',
        null,
      ],
      ['an image with no text (1×1 pixel, read by OCR)', () => attach(png(), 'ảnh.png'), '400 EMPTY_DOCUMENT', /OCR/],
      ['an image named .pdf', () => attach(png(), 'ảnh.pdf'), '415 UNSUPPORTED_FILE_TYPE', null],
      [
        'a text file named .docx',
        () => attach(Buffer.from(read(FIXTURE_LIST[2])), 'kl.docx'),
        '415 UNSUPPORTED_FILE_TYPE',
        null,
      ],
      [
        'a zip that is not a Word file',
        () => attach(zip([{ name: 'a.txt', data: 'x' }]), 'a.docx'),
        '415 UNSUPPORTED_FILE_TYPE',
        null,
      ],
      [
        'a broken Word file',
        () => attach(Buffer.concat([docxOf('x').subarray(0, 60), Buffer.from('word/document.xml')]), 'hỏng.docx'),
        '415 UNSUPPORTED_FILE_TYPE',
        null,
      ],
      ['a text that is not UTF-8', () => attach(Buffer.from(latin1), 'cũ.txt'), '415 UNSUPPORTED_FILE_TYPE', /UTF-8/],
      [
        'a text with no recognisable task',
        () => post().send({ text: 'Hôm nay trời đẹp.\nChúng tôi đi dạo ở công viên.\n' }),
        '422 NO_TASKS_FOUND',
        null,
      ],
      ['an unknown field in the body', () => post().send({ text: 'x', mode: 'fast' }), '400 VALIDATION_FAILED', null],
    ];
    const post = () => t.http.post('/api/directives/import').set(office);
    const attach = (b: Buffer, name: string) => post().attach('file', b, name);

    it.each(cases)('%s → %s', async (_what, make, expected, message) => {
      const before = await counts(t);
      const res = await make();
      expect(`${res.status} ${res.body.code}`).toBe(expected);
      expect(typeof res.body.message).toBe('string');
      if (message) expect(res.body.message).toMatch(message);
      expect(await counts(t)).toEqual(before);
    });

    it('reads UTF-16 text (Notepad’s "Unicode") and a UTF-8 BOM', async () => {
      const text = read(FIXTURE_LIST[2]);
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      for (const b of [utf16, bom]) {
        const res = await attach(b, 'kl.txt').expect(200);
        expect(res.body.tasks).toHaveLength(15);
        expect(res.body.directive.number).toBe('28-KL/TU');
      }
    });
  });

  describe('scans and PDFs as offices send them', () => {
    it('reads 07-CTr/TU from a PDF whose catalog is a ruled table: every row, its lead agency from its column', async () => {
      const before = await counts(t);
      const res = await t.http
        .post('/api/directives/import')
        .set(office)
        .attach('file', readFileSync(join(DOCUMENTS, '07-CTr-TU.pdf')), '07-CTr-TU.pdf');
      expect({ status: res.status, code: res.body.code, message: res.body.message }).toMatchObject({ status: 200 });
      const p = res.body as DirectiveImportProposal;
      expect(p.source).toMatchObject({ kind: 'pdf', fileName: '07-CTr-TU.pdf', ocr: false, pages: 11 });
      expect(p.directive).toMatchObject({ number: '07-CTr/TU', kind: 'action_program', signer: 'Đỗ Thanh Bình' });
      expect(p.tasks.map((task) => codeOf.get(task.leadAgencyId ?? '') ?? null)).toEqual(FIXTURE_LIST[0].leads);
      expect(p.tasks[0]).toMatchObject({ deliverableType: 'de_an', dueDate: '2021-06-30' });
      expect(await counts(t)).toEqual(before);
    });

    it('reads a photographed page (PNG, specks, turned, a receipt stamp) by OCR, and says so', async () => {
      const before = await counts(t);
      const started = performance.now();
      const res = await t.http
        .post('/api/directives/import')
        .set(office)
        .attach('file', readFileSync(join(DOCUMENTS, 'monthly-2021-04-scan.png')), 'Chương trình tháng 4.png');
      console.log(
        `OCR import of the scanned monthly program: ${res.status} in ${Math.round(performance.now() - started)} ms`,
      );
      expect({ status: res.status, code: res.body.code, message: res.body.message }).toMatchObject({ status: 200 });
      const p = res.body as DirectiveImportProposal;
      expect(p.source).toMatchObject({ kind: 'png', ocr: true, pages: 1 });
      expect(p.directive.kind).toBe('monthly_program');
      expect(p.period).toEqual({ text: 'tháng 4-2021', dueDate: '2021-04-30' });
      // The typed program proposes four tasks due at the end of April; OCR may cost one of them at most.
      expect(p.tasks.length).toBeGreaterThanOrEqual(3);
      expect(p.tasks.length).toBeLessThanOrEqual(4);
      expect(p.tasks.every((task) => task.dueDate === '2021-04-30')).toBe(true);
      expect(await counts(t)).toEqual(before);
    });
  });

  describe('"Xác nhận và giao": confirm and assign in one go', () => {
    let proposal: DirectiveImportProposal;
    let fallbackLead: string;
    beforeAll(async () => {
      proposal = (await send('pasted text', read(FIXTURE_LIST[2])).expect(200)).body as DirectiveImportProposal;
      fallbackLead = (await t.db.query<{ id: string }>(`SELECT id FROM agencies WHERE code = 'ban-tuyen-giao'`)).rows[0]
        .id;
    });

    /** The conclusion with every row given a lead and a deadline, as the Office completes it before assigning. */
    function complete(number: string) {
      const body = confirmBody(proposal, number);
      for (const task of body.tasks) {
        task.leadAgencyId ??= fallbackLead;
        task.coordinatingAgencyIds = task.coordinatingAgencyIds.filter((c) => c !== task.leadAgencyId);
        task.dueDate ??= '2030-12-31';
      }
      return body;
    }

    it('creates the 15 tasks already assigned, each with its CREATE and ASSIGN history and the lead notified', async () => {
      const number = uniqueNumber('28-GIAO');
      const body = { ...complete(number), assign: true };
      const before = await counts(t);
      const res = await t.http.post('/api/directives/import/confirm').set(office).send(body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 201, code: undefined });
      expect(res.body.taskIds).toHaveLength(15);
      expect(await counts(t)).toEqual({
        directives: before.directives + 1,
        tasks: before.tasks + 15,
        events: before.events + 30,
      });
      const tasks = await t.db.query<{ id: string; state: string; lead_agency_id: string; due_date: string }>(
        `SELECT id, state, lead_agency_id, due_date::text FROM tasks WHERE id = ANY($1::uuid[])`,
        [res.body.taskIds],
      );
      const byId = new Map(tasks.rows.map((r) => [r.id, r]));
      (res.body.taskIds as string[]).forEach((id, i) => {
        expect(byId.get(id)).toMatchObject({
          state: 'assigned',
          lead_agency_id: body.tasks[i].leadAgencyId,
          due_date: body.tasks[i].dueDate,
        });
      });
      const events = await t.db.query<{ event: string }>(
        `SELECT event FROM task_events WHERE task_id = $1 ORDER BY id`,
        [res.body.taskIds[0]],
      );
      expect(events.rows.map((e) => e.event)).toEqual(['CREATE', 'ASSIGN']);
      const notified = await t.db.query<{ n: number }>(
        `SELECT count(DISTINCT n.task_id)::int AS n FROM notifications n WHERE n.task_id = ANY($1::uuid[])`,
        [res.body.taskIds],
      );
      expect(notified.rows[0].n).toBe(15);
      // Now on the lead agency's board, unlike drafts.
      const leadCode = codeOf.get(body.tasks[0].leadAgencyId!)!;
      const agency = await t.http
        .get('/api/tasks')
        .query({ directiveId: res.body.directive.id })
        .set(await t.as(leadCode))
        .expect(200);
      expect(agency.body.items.map((i: { id: string }) => i.id)).toContain(res.body.taskIds[0]);
    });

    it('refuses to assign when a row lacks a lead or a deadline, creating nothing', async () => {
      const body = { ...complete(uniqueNumber('28-THIEU')), assign: true };
      body.tasks[4].leadAgencyId = null;
      body.tasks[9].dueDate = null;
      const before = await counts(t);
      const res = await t.http.post('/api/directives/import/confirm').set(office).send(body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'IMPORT_ASSIGN_INCOMPLETE' });
      expect(res.body.message).toContain('5, 10');
      expect(res.body.details).toEqual([
        { path: 'tasks.4.leadAgencyId', message: expect.any(String) },
        { path: 'tasks.9.dueDate', message: expect.any(String) },
      ]);
      expect(await counts(t)).toEqual(before);
      // The same rows without `assign` are fine as drafts.
      const drafts = await t.http
        .post('/api/directives/import/confirm')
        .set(office)
        .send({ ...body, assign: false });
      expect(drafts.status).toBe(201);
    });
  });

  describe('only the Office imports', () => {
    const text = () => read(FIXTURE_LIST[1]);
    it.each(['thuongvu', 'kiemtra', 'admin', 'ban-tuyen-giao'])('%s → 403 on both endpoints', async (user) => {
      const before = await counts(t);
      const auth = await t.as(user);
      const a = await t.http.post('/api/directives/import').set(auth).send({ text: text() });
      expect(a.status).toBe(403);
      const b = await t.http.post('/api/directives/import').set(auth).attach('file', Buffer.from(text()), 'ct.txt');
      expect(b.status).toBe(403);
      const proposal = (await send('pasted text', text()).expect(200)).body as DirectiveImportProposal;
      const c = await t.http
        .post('/api/directives/import/confirm')
        .set(auth)
        .send(confirmBody(proposal, uniqueNumber('ROLE')));
      expect(c.status).toBe(403);
      expect(await counts(t)).toEqual(before);
    });

    it('anonymous → 401 on both endpoints', async () => {
      const a = await t.http.post('/api/directives/import').send({ text: text() });
      expect({ status: a.status, code: a.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      const b = await t.http.post('/api/directives/import/confirm').send({});
      expect({ status: b.status, code: b.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    });
  });
});

describe('directive import with the working calendar on', () => {
  let t: TestApp;
  let office: { Authorization: string };
  let codeOf: Map<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000', WORKING_CALENDAR: 'on' });
    office = await t.as('vanphong');
    const agencies = await t.db.query<{ id: string; code: string }>(`SELECT id, code FROM agencies`);
    codeOf = new Map(agencies.rows.map((a) => [a.id, a.code]));
  });
  afterAll(() => t?.close());

  it('"trong 10 ngày làm việc" is assigned 10 working days after today, skipping weekends and holidays', async () => {
    const rows = await confirmAndAssign(t, office, codeOf);
    const today = localDate(new Date());
    const span = async (days: number) =>
      (await t.http.get('/api/calendar/span').query({ from: today, days }).set(office).expect(200)).body as {
        to: string;
        workingDays: number;
      };
    const [ten, fifteen] = [await span(10), await span(15)];
    expect(rows.map((r) => r.due_date)).toEqual([ten.to, '2030-03-20', fifteen.to]);
    const counted = (await t.http.get('/api/calendar/span').query({ from: today, to: rows[0].due_date }).set(office))
      .body as { workingDays: number };
    expect(counted.workingDays).toBe(10);
  });
});

describe('directive import on a server without OCR', () => {
  let t: TestApp;
  let office: { Authorization: string };

  beforeAll(async () => {
    // As on a machine where tesseract-ocr was never installed.
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '10000', TESSERACT_PATH: '/nonexistent/tesseract' });
    office = await t.as('vanphong');
  });
  afterAll(() => t?.close());

  it('refuses an image with 503 OCR_UNAVAILABLE saying what to install, and still reads typed files', async () => {
    const res = await t.http
      .post('/api/directives/import')
      .set(office)
      .attach('file', readFileSync(join(DOCUMENTS, 'monthly-2021-04-scan.png')), 'quét.png');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'OCR_UNAVAILABLE' });
    expect(res.body.message).toMatch(/apt-get install tesseract-ocr tesseract-ocr-vie/);
    expect(res.body.details).toEqual({ missing: 'tesseract-ocr' });
    const pdf = await t.http
      .post('/api/directives/import')
      .set(office)
      .attach('file', readFileSync(join(DOCUMENTS, '07-CTr-TU.pdf')), '07-CTr-TU.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.body.tasks).toHaveLength(27);
  });

  it('refuses a scanned PDF with 422 PDF_HAS_NO_TEXT saying what to install', async () => {
    const res = await t.http.post('/api/directives/import').set(office).attach('file', scannedPdf(), 'quét.pdf');
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code: 'PDF_HAS_NO_TEXT' });
    expect(res.body.message).toMatch(/tesseract-ocr tesseract-ocr-vie poppler-utils/);
  });
});
