// This file defines the build: src/index.ts → dist/Code.js (one IIFE plus top-level stubs), sidebar/ → dist/sidebar.html, the manifest, and the local runner's bundle dist/node/cli.cjs.
// Why gas-entry-generator directly: Apps Script only sees top-level `function X()` declarations, and custom functions
// need their `@customfunction` JSDoc on that declaration. gas-entry-generator (the engine of gas-webpack-plugin) makes
// those stubs from `global.X = …` lines; esbuild alone drops the comments, and webpack is not needed for the rest.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';

// The runner's bundle is defined in plain JavaScript, shared with bin/jigyo-hokoku.js (which rebuilds it when stale).
const { buildCli } = require('./cli-bundle.js') as { buildCli: () => Promise<string> };

// gas-entry-generator ships no types.
const { generate } = require('gas-entry-generator') as {
  generate: (js: string, options: { comment: boolean }) => { entryPointFunctions: string };
};

const root = join(__dirname, '..');
const dist = join(root, 'dist');

/** Top-level stubs (with their JSDoc) for every `global.X = …` in the entry file. */
export function generateStubs(entrySource: string): string {
  const js = ts.transpileModule(entrySource, {
    compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.ESNext, removeComments: false },
  }).outputText;
  // Imports are irrelevant to the stubs and esprima would need module mode for them.
  const withoutImports = js.replace(/^import .*$/gm, '');
  return keepCustomFunctionDocs(generate(withoutImports, { comment: true }).entryPointFunctions);
}

/**
 * Only a custom function's JSDoc does anything in Apps Script (Sheets shows it as the formula's help); the JSDoc of
 * a menu, trigger or sidebar stub is for the reader of src/index.ts, so the bundle drops it (DESIGN §8 sets a size budget; see README, Performance).
 */
export function keepCustomFunctionDocs(stubs: string): string {
  return stubs.replace(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\n(?=function )/g, (doc, body: string) =>
    body.includes('@customfunction') ? doc : '',
  );
}

export async function buildServer(): Promise<string> {
  const entry = join(root, 'src/index.ts');
  const stubs = generateStubs(readFileSync(entry, 'utf8'));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    // ES2020 keeps `??` and `?.` as written (ES2019 spells each out, about 2.5 KB of the bundle). Apps Script's V8
    // runtime runs ES2020: Google's own Apps Script template (google/aside, tsconfig.template.json) targets es2020.
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    // Local identifiers are shortened too: every custom-formula cell and sidebar call loads the whole file (DESIGN §8:
    // a size budget: README, Performance). The globals Apps Script calls keep their names (they are `global.X` properties and stubs), and
    // every message a user or a log sees is a code worded by messages.ts, never a function name.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    banner: { js: `var global = this;\n${stubs}` },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  writeFileSync(join(dist, 'Code.js'), code);
  return code;
}

export async function buildSidebar(): Promise<string> {
  const dir = join(root, 'sidebar');
  const script = await esbuild.build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    charset: 'utf8',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  const css = readFileSync(join(dir, 'style.css'), 'utf8');
  // `</script` inside the inlined code would end the element early.
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
    .replace('<!-- STYLE -->', () => `<style>\n${css}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>\n${js}</script>`);
  writeFileSync(join(dist, 'sidebar.html'), html);
  return html;
}

async function main(): Promise<void> {
  mkdirSync(dist, { recursive: true });
  const code = await buildServer();
  const html = await buildSidebar();
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  const cli = statSync(await buildCli()).size;
  process.stderr.write(
    `dist/Code.js ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB, dist/sidebar.html ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB, dist/appsscript.json, dist/node/cli.cjs ${(cli / 1024).toFixed(0)} KB\n`,
  );
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
