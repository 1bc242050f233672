import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDate } from '@dondoc/workflow';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { agencyId, makeTask } from '../e2e/support/fixtures.js';
import { poll, signIn, startBrowserApp, withEvidence, type BrowserApp } from './support/browser-app.js';

// The dashboard's "every urging letter" button against the built app and a real listening API: the
// Office clicks it and the browser receives one .zip holding a Word letter per agency with overdue work.

jest.setTimeout(180_000);

const LEAD = 'ban-tuyen-giao';
/** A count of zero in a sentence ("0 nhiệm vụ"), not the end of "10 nhiệm vụ". */
const ZERO_TASKS = /(?<![\d,.])0 nhiệm vụ/;

let b: BrowserApp;

beforeAll(async () => {
  b = await startBrowserApp();
});

afterAll(async () => {
  await b?.close();
});

async function dashboard(username: string, lang: 'vi' | 'en' = 'vi'): Promise<Page> {
  const page = await b.newPage();
  await signIn(page, username);
  // The language is chosen per browser and read when the app starts (apps/web/src/i18n/i18n.ts).
  await page.evaluate(`localStorage.setItem('dondoc.lang', '${lang}')`);
  await page.goto('/dashboard');
  await page.getByTestId('dashboard').waitFor({ state: 'visible' });
  await poll(
    () => page.getByTestId('dashboard-loading').count(),
    (n) => n === 0,
    { what: 'the dashboard to have loaded' },
  );
  return page;
}

describe('urging letters for every agency, from the dashboard', () => {
  it('the Office clicks "Công văn đôn đốc (tất cả cơ quan)" and gets a .zip of letters', async () => {
    // An overdue task of our own: whatever else the database holds, this agency has something to urge.
    const task = await makeTask(b.t.db, { state: 'in_progress', lead: LEAD, dueDate: '2021-03-15' });
    const code = (await b.t.db.query<{ code: string }>(`SELECT code FROM tasks WHERE id = $1`, [task.id])).rows[0].code;
    const agencyName = (
      await b.t.db.query<{ name: string }>(`SELECT name FROM agencies WHERE id = $1`, [await agencyId(b.t.db, LEAD)])
    ).rows[0].name;
    const day = localDate(new Date()).split('-').reverse().join('-');

    const page = await dashboard('vanphong');
    await withEvidence(page, 'urging-letters-download', async () => {
      const button = page.getByTestId('export-urging-zip');
      await button.waitFor({ state: 'visible' });
      expect(await button.textContent()).toBe('Công văn đôn đốc (tất cả cơ quan)');
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toBe(`Công văn đôn đốc ${day}.zip`);
      const dir = await mkdtemp(join(tmpdir(), 'dondoc-urging-'));
      await download.saveAs(join(dir, 'letters.zip'));
      const zip = await JSZip.loadAsync(await readFile(join(dir, 'letters.zip')));
      await rm(dir, { recursive: true, force: true });
      const names = Object.keys(zip.files);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(new RegExp(`^Công văn đôn đốc - .+ - ${day}\\.docx$`));
      const ours = `Công văn đôn đốc - ${agencyName} - ${day}.docx`;
      expect(names).toContain(ours);
      const letter = await (
        await JSZip.loadAsync(await zip.file(ours)!.async('uint8array'))
      )
        .file('word/document.xml')!
        .async('string');
      expect(letter).toContain(agencyName);
      expect(letter).toContain(code);
      for (const name of names) {
        const xml = await (
          await JSZip.loadAsync(await zip.file(name)!.async('uint8array'))
        )
          .file('word/document.xml')!
          .async('string');
        expect({ name, zero: ZERO_TASKS.test(xml.replace(/<[^>]+>/g, '')) }).toEqual({ name, zero: false });
      }
      // The toast says the file came down.
      await page.getByText(`Đã tải xuống “Công văn đôn đốc ${day}.zip”.`).waitFor({ state: 'visible' });
    });
  });

  it('reads "Urging letters (all agencies)" in English', async () => {
    const page = await dashboard('thuongvu', 'en');
    const button = page.getByTestId('export-urging-zip');
    await button.waitFor({ state: 'visible' });
    expect(await button.textContent()).toBe('Urging letters (all agencies)');
  });
});
