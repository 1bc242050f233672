import { DEMO_AGENCIES, DEMO_DIRECTIVES, DEMO_TASKS, type SeedTask } from './demo-province.data.js';

const ROLE_ACCOUNTS = ['vanphong', 'thuongvu', 'kiemtra', 'admin'];

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Every string value in the seed data, with a label saying where it comes from. */
function allStrings(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const visit = (label: string, value: unknown): void => {
    if (typeof value === 'string') out.push([label, value]);
    else if (Array.isArray(value)) value.forEach((item, i) => visit(`${label}[${i}]`, item));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(`${label}.${key}`, item);
    }
  };
  DEMO_AGENCIES.forEach((a) => visit(`agency ${a.code}`, a));
  DEMO_DIRECTIVES.forEach((d) => visit(`directive ${d.key}`, d));
  DEMO_TASKS.forEach((t) => visit(`task ${t.code}`, t));
  return out;
}

/**
 * Old-style tone placement on an open syllable: "Uỷ", "Thuỷ", "hoá", "hoà", "khoẻ"... (modern: "Ủy", "hóa").
 * "quý" is correct (qu is the consonant), and a following letter closes the syllable ("toàn", "hoán").
 */
const OLD_TONE_PLACEMENT = /(?<![qQ])[uU][ỷýỳỹỵ](?!\p{L})|[oO][áàảãạéèẻẽẹ](?!\p{L})/u;

function task(code: string): SeedTask {
  const found = DEMO_TASKS.find((t) => t.code === code);
  if (!found) throw new Error(`no task ${code}`);
  return found;
}

describe('demo province seed data', () => {
  const agencyCodes = new Set(DEMO_AGENCIES.map((a) => a.code));

  describe('agencies', () => {
    it('have unique, lowercase ASCII kebab-case codes that are not role accounts', () => {
      const codes = DEMO_AGENCIES.map((a) => a.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) {
        expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(ROLE_ACCOUNTS).not.toContain(code);
      }
    });

    it('include the agencies named in the fixtures, under their agreed codes', () => {
      const byCode = new Map(DEMO_AGENCIES.map((a) => [a.code, a.name]));
      expect(Object.fromEntries(byCode)).toMatchObject({
        'bcsd-ubnd': 'Ban cán sự đảng Ủy ban nhân dân tỉnh',
        'ban-tuyen-giao': 'Ban Tuyên giáo Tỉnh ủy',
        'ban-to-chuc': 'Ban Tổ chức Tỉnh ủy',
        ubkt: 'Ủy ban Kiểm tra Tỉnh ủy',
        'ban-noi-chinh': 'Ban Nội chính Tỉnh ủy',
        'ban-dan-van': 'Ban Dân vận Tỉnh ủy',
        'truong-chinh-tri': 'Trường Chính trị tỉnh',
        'dang-uy-quan-su': 'Đảng ủy Quân sự tỉnh',
        'dang-uy-bien-phong': 'Đảng ủy Bộ đội Biên phòng tỉnh',
        'dang-uy-cong-an': 'Đảng ủy Công an tỉnh',
        'dang-doan-hdnd': 'Đảng đoàn Hội đồng nhân dân tỉnh',
        'van-phong': 'Văn phòng Tỉnh ủy',
      });
      expect(DEMO_AGENCIES.filter((a) => a.kind === 'district_committee').length).toBeGreaterThanOrEqual(3);
    });

    it('have unique, non-empty names', () => {
      const names = DEMO_AGENCIES.map((a) => a.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name.trim()).not.toBe('');
    });
  });

  describe('text quality', () => {
    it('uses the modern tone placement (Ủy, Thủy, hóa), never Uỷ, Thuỷ, hoá', () => {
      const offenders = allStrings().filter(([, value]) => OLD_TONE_PLACEMENT.test(value));
      expect(offenders).toEqual([]);
      // The check itself catches what it should, and lets "quý" through.
      expect(['Uỷ ban', 'Thuỷ sản', 'văn hoá', 'hoà bình'].every((s) => OLD_TONE_PLACEMENT.test(s))).toBe(true);
      expect(
        ['Ủy ban', 'thủy sản', 'văn hóa', 'quý II-2021', 'toàn tỉnh'].some((s) => OLD_TONE_PLACEMENT.test(s)),
      ).toBe(false);
    });

    it('is NFC-normalised and free of HTML, tabs and doubled spaces', () => {
      for (const [label, value] of allStrings()) {
        expect([label, value.normalize('NFC') === value]).toEqual([label, true]);
        expect([label, /<[^>]+>|\t| {2}|^\s|\s$/.test(value)]).toEqual([label, false]);
      }
    });
  });

  describe('directives', () => {
    it('are the three fixture documents, with unique keys and numbers and valid dates', () => {
      expect(DEMO_DIRECTIVES.map((d) => [d.key, d.kind])).toEqual([
        ['07-CTr/TU', 'action_program'],
        ['CTr-T4/2021', 'monthly_program'],
        ['28-KL/TU', 'conclusion'],
      ]);
      expect(new Set(DEMO_DIRECTIVES.map((d) => d.number)).size).toBe(DEMO_DIRECTIVES.length);
      for (const d of DEMO_DIRECTIVES) {
        expect(isCalendarDate(d.issuedOn)).toBe(true);
        expect(d.title.trim()).not.toBe('');
        expect(d.sourceFile).toMatch(/\.txt$/);
      }
    });

    it('carry the metadata stated in 07-CTr/TU', () => {
      expect(DEMO_DIRECTIVES[0]).toMatchObject({
        number: '07-CTr/TU',
        issuedOn: '2021-04-02',
        issuer: 'Tỉnh ủy Kiên Giang',
        signer: 'Đỗ Thanh Bình',
      });
    });
  });

  describe('tasks', () => {
    it('are exactly the 27 catalog items of 07-CTr/TU, numbered 01 to 27 in order', () => {
      const ctr07 = DEMO_TASKS.filter((t) => t.directiveKey === '07-CTr/TU');
      expect(ctr07).toHaveLength(27);
      expect(ctr07.map((t) => t.code)).toEqual(
        Array.from({ length: 27 }, (_, i) => `07-CTr/TU-${String(i + 1).padStart(2, '0')}`),
      );
    });

    it('give the 4 items of the April 2021 program and the 15 items of 28-KL/TU', () => {
      const monthly = DEMO_TASKS.filter((t) => t.directiveKey === 'CTr-T4/2021');
      const kl28 = DEMO_TASKS.filter((t) => t.directiveKey === '28-KL/TU');
      expect(monthly).toHaveLength(4);
      expect(monthly.every((t) => t.dueDate === '2021-04-30')).toBe(true);
      expect(kl28).toHaveLength(15);
      expect(kl28.every((t) => t.dueDate === '2020-12-31')).toBe(true);
      expect(DEMO_TASKS).toHaveLength(27 + 4 + 15);
    });

    it('have unique codes, each prefixed by its directive key', () => {
      const codes = DEMO_TASKS.map((t) => t.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const t of DEMO_TASKS) expect(t.code.startsWith(`${t.directiveKey}-`)).toBe(true);
    });

    it('belong to a seeded directive', () => {
      const keys = new Set(DEMO_DIRECTIVES.map((d) => d.key));
      for (const t of DEMO_TASKS) expect(keys.has(t.directiveKey)).toBe(true);
    });

    it('only name seeded agencies, and never an agency as its own coordinator', () => {
      for (const t of DEMO_TASKS) {
        if (t.leadAgencyCode !== null) expect([t.code, agencyCodes.has(t.leadAgencyCode)]).toEqual([t.code, true]);
        for (const code of t.coordinatingAgencyCodes) {
          expect([t.code, code, agencyCodes.has(code)]).toEqual([t.code, code, true]);
          expect(code).not.toBe(t.leadAgencyCode);
        }
        expect(new Set(t.coordinatingAgencyCodes).size).toBe(t.coordinatingAgencyCodes.length);
      }
    });

    it('give every 07-CTr/TU catalog item a lead agency', () => {
      for (const t of DEMO_TASKS.filter((x) => x.directiveKey === '07-CTr/TU')) expect(t.leadAgencyCode).not.toBeNull();
    });

    it('have a non-empty title, description and deadline text', () => {
      for (const t of DEMO_TASKS) {
        expect(t.title.trim()).not.toBe('');
        expect(t.description.trim()).not.toBe('');
        expect(t.deadlineText.trim()).not.toBe('');
      }
    });

    it('have valid calendar due dates, with milestones before them', () => {
      for (const t of DEMO_TASKS) {
        expect([t.code, isCalendarDate(t.dueDate)]).toEqual([t.code, true]);
        for (const m of t.milestones ?? []) {
          expect(isCalendarDate(m)).toBe(true);
          expect(m < t.dueDate).toBe(true);
        }
      }
    });

    it('put each 07-CTr/TU due date at the end of the last quarter its deadline names', () => {
      const quarterEnd: Record<string, string> = { I: '03-31', II: '06-30', III: '09-30', IV: '12-31' };
      for (const t of DEMO_TASKS.filter((x) => x.directiveKey === '07-CTr/TU')) {
        const quarters = [...t.deadlineText.matchAll(/quý (IV|III|II|I)\b/g)].map((m) => m[1]);
        const year = /-(\d{4})$/.exec(t.deadlineText)?.[1];
        expect([t.code, quarters.length > 0 && year !== undefined]).toEqual([t.code, true]);
        expect([t.code, t.dueDate]).toEqual([t.code, `${year}-${quarterEnd[quarters[quarters.length - 1]]}`]);
        const milestones = quarters.slice(0, -1).map((q) => `${year}-${quarterEnd[q]}`);
        expect([t.code, t.milestones ?? []]).toEqual([t.code, milestones]);
      }
    });
  });

  describe('spot checks against the 07-CTr/TU catalog', () => {
    it('row 04: Ban Tuyên giáo, "quý I và quý II-2021", due 30/06/2021 with a milestone at 31/03/2021', () => {
      expect(task('07-CTr/TU-04')).toMatchObject({
        leadAgencyCode: 'ban-tuyen-giao',
        deadlineText: 'Hoàn thành trong quý I và quý II-2021',
        dueDate: '2021-06-30',
        milestones: ['2021-03-31'],
        deliverableType: 'ke_hoach',
        field: 'party_building',
      });
    });

    it('row 07: Ban Tổ chức, "chậm nhất trong quý IV-2021", due 31/12/2021', () => {
      expect(task('07-CTr/TU-07')).toMatchObject({
        leadAgencyCode: 'ban-to-chuc',
        coordinatingAgencyCodes: [],
        deadlineText: 'Hoàn thành chậm nhất trong quý IV-2021',
        dueDate: '2021-12-31',
        deliverableType: 'de_an',
      });
    });

    it('row 08: Ủy ban Kiểm tra with Ban Tổ chức, "quý I-2021", due 31/03/2021', () => {
      expect(task('07-CTr/TU-08')).toMatchObject({
        leadAgencyCode: 'ubkt',
        coordinatingAgencyCodes: ['ban-to-chuc'],
        deadlineText: 'Hoàn thành trong quý I-2021',
        dueDate: '2021-03-31',
        deliverableType: 'chuong_trinh',
      });
    });

    it('row 21: the HTML list cell becomes two plain lines', () => {
      const t = task('07-CTr/TU-21');
      expect(t).toMatchObject({ leadAgencyCode: 'bcsd-ubnd', deadlineText: 'Hoàn thành trong quý IV-2021' });
      expect(t.dueDate).toBe('2021-12-31');
      expect(t.description.split('\n')).toHaveLength(2);
      expect(t.description).toContain('Danh mục các dự án kêu gọi đầu tư');
    });

    it('row 27: Đảng ủy Công an, Nghị quyết chuyên đề, "quý II-2021", due 30/06/2021', () => {
      expect(task('07-CTr/TU-27')).toMatchObject({
        leadAgencyCode: 'dang-uy-cong-an',
        deadlineText: 'Hoàn thành trong quý II-2021',
        dueDate: '2021-06-30',
        deliverableType: 'nghi_quyet',
        field: 'defense_security',
      });
    });

    it('assigns the Ban cán sự đảng UBND tỉnh the 17 rows the catalog gives it', () => {
      const rows = DEMO_TASKS.filter((t) => t.leadAgencyCode === 'bcsd-ubnd').map((t) => t.code.slice(-2));
      expect(rows).toEqual(['01', '02', '03', ...Array.from({ length: 14 }, (_, i) => String(i + 11))]);
    });
  });
});
