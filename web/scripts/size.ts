/**
 * `npm run size`: the gzip size of the JavaScript each entry point needs, followed through the Vite
 * manifest (static imports only: what loads before the page can render). Budget: the login page
 * ≤ 350 KB gzip; the phone workbench must not load the console layout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  src?: string;
}

const dist = path.resolve(import.meta.dirname, '../dist');
const manifestFile = path.join(dist, '.vite/manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error('no build found: run `npm run build` first');
  process.exit(1);
}
const manifest: Record<string, Chunk> = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;

/** Every chunk key a set of roots loads statically. */
function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key]!.imports ?? []) visit(next);
  };
  roots.forEach(visit);
  return seen;
}

const gzipOf = (keys: Set<string>) =>
  [...keys].reduce((sum, key) => sum + gzipSync(fs.readFileSync(path.join(dist, manifest[key]!.file))).length, 0);
const keyOf = (suffix: string) => {
  const key = Object.keys(manifest).find((k) => k.endsWith(suffix));
  if (!key) throw new Error(`no chunk for ${suffix}`);
  return key;
};

const pages = {
  login: [entryKey, keyOf('features/auth/pages/login-page.tsx')],
  'console (layout + home)': [entryKey, keyOf('app/layouts/console-layout.tsx'), keyOf('features/home/pages/console-home-page.tsx')],
  'phone (layout + home)': [entryKey, keyOf('app/layouts/mobile-layout.tsx'), keyOf('features/home/pages/mobile-home-page.tsx')],
};

const LOGIN_BUDGET = 350 * 1024;
const rows = Object.entries(pages).map(([name, roots]) => {
  const keys = closure(roots);
  return { name, chunks: keys.size, gzipKB: Math.round(gzipOf(keys) / 102.4) / 10, keys };
});
console.log('page'.padEnd(26), 'chunks'.padStart(6), 'gzip KB'.padStart(9));
for (const r of rows) console.log(r.name.padEnd(26), String(r.chunks).padStart(6), r.gzipKB.toFixed(1).padStart(9));

const login = rows[0]!;
const phone = rows[2]!;
let failed = false;
if (login.gzipKB * 1024 > LOGIN_BUDGET) {
  console.error(`login page needs ${login.gzipKB} KB gzip: over the ${LOGIN_BUDGET / 1024} KB budget`);
  failed = true;
}
if (phone.keys.has(keyOf('app/layouts/console-layout.tsx'))) {
  console.error('the phone workbench loads the console layout');
  failed = true;
}
console.log(failed ? 'size: over budget' : `size: within budget (login ≤ ${LOGIN_BUDGET / 1024} KB gzip; phone loads no console code)`);
process.exit(failed ? 1 : 0);
