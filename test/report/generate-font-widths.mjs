// Regenerates src/report/text-metrics/liberation-sans-widths.json: advance widths of
// Liberation Sans (metric-compatible with Arial and Helvetica) measured once with
// headless chromium's canvas, kerning off, at 1000 px so widths are per-mille of the em.
// It measures the font the pages embed (liberation-sans-subset.json, loaded as a FontFace
// from its data URI), not whatever the machine has installed.
// Run: node test/report/generate-font-widths.mjs   (needs /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const codes = [];
for (let c = 0x20; c <= 0x7e; c++) codes.push(c);
for (let c = 0xa0; c <= 0x17f; c++) codes.push(c);
for (const c of [
  0x3b1, 0x3b2, 0x3b4, 0x3bc, 0x3c3, 0x3c4, 0x3c7, 0x394, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2026, 0x2030, 0x2032, 0x2190, 0x2192, 0x2212, 0x2248, 0x2260, 0x2264, 0x2265,
  0x221e, 0x25c6, 0x25a0, 0x25cf, 0x2009, 0x202f,
])
  codes.push(c);

const dir = mkdtempSync(join(tmpdir(), 'trialstat-fontwidths-'));
const browser = await chromium.launchPersistentContext(dir, {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  const subset = JSON.parse(
    readFileSync('src/report/text-metrics/liberation-sans-subset.json', 'utf8'),
  );
  const result = await page.evaluate(
    async ({ codes, faces }) => {
      for (const [weight, face] of Object.entries(faces)) {
        const font = new FontFace('measured', `url(data:font/woff2;base64,${face.woff2})`, {
          weight: weight === 'bold' ? '700' : '400',
        });
        document.fonts.add(await font.load());
      }
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.fontKerning = 'none';
      const out = {};
      for (const weight of ['normal', 'bold']) {
        ctx.font = `${weight} 1000px measured`;
        out[weight] = codes.map((c) => Math.round(ctx.measureText(String.fromCodePoint(c)).width));
      }
      ctx.font = 'normal 1000px measured';
      const check = ctx.measureText('Hamburgefonstiv').width;
      return { ...out, check };
    },
    { codes, faces: subset.faces },
  );
  const table = {
    font: 'Liberation Sans',
    compatible: ['Arial', 'Helvetica'],
    unitsPerEm: 1000,
    kerning: 'none',
    measuredWith: 'chromium canvas measureText, font-kerning none',
    fallbackNormal: 556,
    fallbackBold: 611,
    normal: Object.fromEntries(codes.map((c, i) => [String(c), result.normal[i]])),
    bold: Object.fromEntries(codes.map((c, i) => [String(c), result.bold[i]])),
  };
  writeFileSync(
    'src/report/text-metrics/liberation-sans-widths.json',
    JSON.stringify(table) + '\n',
  );
  console.log(
    'Hamburgefonstiv @1000px:',
    result.check,
    'A:',
    result.normal[33],
    'space',
    result.normal[0],
  );
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
