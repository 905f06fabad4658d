// Builds the demo page's script: one minified bundle (and its CSS) into the alisim Voila template's static
// folder, where scripts/demo.sh's voila serves it as /voila/static/alisim-demo.js. Deterministic: the same
// package-lock.json and sources give the same bytes (tests/frontend/test_demo_bundle.py rebuilds and compares).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

// Font Awesome's CSS lists each font in five formats; every browser the course supports takes the woff2 one,
// so only those are copied (fonts/), the other formats stay as unresolved URLs that nothing fetches.
const woff2Only = {
  name: 'woff2-only',
  setup(b) {
    b.onResolve({ filter: /webfonts\/.*\.(eot|svg|ttf|woff)([?#].*)?$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = process.argv[2] || path.join(here, '..', '..', 'share', 'jupyter', 'voila', 'templates', 'alisim', 'static');

const result = await build({
  entryPoints: { 'alisim-demo': path.join(here, 'src', 'index.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir,
  legalComments: 'none',
  metafile: true,
  loader: { '.svg': 'dataurl', '.woff2': 'file' },
  assetNames: 'fonts/[name]-[hash]',
  plugins: [woff2Only],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

// Every package that went into the bundle, with its licence text: alisim-demo.LICENSES.txt beside the bundle.
const packages = new Map();
const bundled = Object.values(result.metafile.outputs).flatMap((output) =>
  Object.entries(output.inputs).filter(([, use]) => use.bytesInOutput > 0).map(([input]) => input),
);
for (const input of bundled) {
  const match = input.match(/^([^(]*node_modules\/((?:@[^/]+\/)?[^/]+))\//);
  if (match) {
    packages.set(match[2], path.join(here, match[1]));
  }
}
const sections = [...packages.keys()].sort().map((name) => {
  const dir = packages.get(name);
  const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const file = fs.readdirSync(dir).sort().find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = file ? fs.readFileSync(path.join(dir, file), 'utf8').trim() : `(no licence file; package.json says ${meta.license})`;
  return `${name} ${meta.version} (${meta.license})\n\n${text}\n`;
});
fs.writeFileSync(
  path.join(outdir, 'alisim-demo.LICENSES.txt'),
  `The packages bundled in alisim-demo.js and alisim-demo.css, with their licences.\n\n${sections.join('\n' + '-'.repeat(78) + '\n\n')}`,
);
