// Writes schemas/<command>.schema.json from src/cli/json-schemas.ts (compiled to dist/ by
// `npm run build`): node scripts/write-json-schemas.mjs. test/cli/json-schema.test.ts fails when
// the committed files differ from what this writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { schemaDocuments } from '../dist/cli/json-schemas.js';

mkdirSync('schemas', { recursive: true });
for (const [file, schema] of Object.entries(schemaDocuments())) {
  writeFileSync(`schemas/${file}`, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schemas/${file}`);
}
