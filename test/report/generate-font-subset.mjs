// Regenerates src/report/text-metrics/liberation-sans-subset.json: the report font that every
// page embeds (@font-face, WOFF2 data URI), so the layout measured with
// liberation-sans-widths.json is the layout every browser draws, whatever fonts the machine has.
// Source: Liberation Sans 2.x (SIL Open Font License 1.1), Debian package fonts-liberation2
// (apt-get install fonts-liberation2). Subset with harfbuzz (npm subset-font) to exactly the
// characters of the width table: a character the table does not know is not embedded either.
// The output is deterministic (same TTF + same harfbuzz → same bytes); run it again after a
// font upgrade and then node test/report/generate-font-widths.mjs.
// Run: node test/report/generate-font-subset.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import subsetFont from 'subset-font';

const DIR = '/usr/share/fonts/truetype/liberation2';
const widths = JSON.parse(
  readFileSync('src/report/text-metrics/liberation-sans-widths.json', 'utf8'),
);
const codepoints = Object.keys(widths.normal)
  .map(Number)
  .sort((a, b) => a - b);
const text = String.fromCodePoint(...codepoints);

const faces = {};
for (const [weight, file] of [
  ['normal', 'LiberationSans-Regular.ttf'],
  ['bold', 'LiberationSans-Bold.ttf'],
]) {
  const ttf = readFileSync(`${DIR}/${file}`);
  const woff2 = await subsetFont(ttf, text, { targetFormat: 'woff2' });
  faces[weight] = {
    source: `${file} (fonts-liberation2), sha256 ${createHash('sha256').update(ttf).digest('hex')}`,
    woff2: Buffer.from(woff2).toString('base64'),
  };
  console.log(weight, ttf.length, '->', woff2.length, 'bytes');
}
const out = {
  font: 'Liberation Sans',
  license:
    'SIL Open Font License 1.1 (https://openfontlicense.org); Copyright (c) 2012 Red Hat, Inc., Reserved Font Name Liberation; digitized data Copyright (c) 2010 Google Corporation',
  note: 'Subset of Liberation Sans to the characters of liberation-sans-widths.json, embedded as the family "trialstat-sans" (a Modified Version under the OFL does not use the Reserved Font Name).',
  codepoints: codepoints.length,
  faces,
};
writeFileSync(
  'src/report/text-metrics/liberation-sans-subset.json',
  JSON.stringify(out, null, 1) + '\n',
);
