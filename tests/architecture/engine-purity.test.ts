import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files.ts';

// "src/engine/ is pure TypeScript: data in, data out" (docs/GUIDE): it runs the same in the
// browser, in Node tests, in the CLI and in the room server, so neither it nor anything it
// imports may reach for a renderer, a store, the page, the wall clock or an unseeded random
// number. Randomness comes from its seeded RNG and time from the clock it is given. Read with
// the TypeScript compiler, so comments and strings are never mistaken for code, and a local
// that happens to be called self or document is not taken for the global.

const ENGINE = join(ROOT, 'src/engine');

/** The packages the engine and what it imports may use: state machines and schema validation. */
const PACKAGES = new Set(['xstate', 'zod']);
/** Globals of a page or of a running process: the engine is handed what it needs instead. */
const HOST_GLOBALS = new Set(['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'performance', 'process', 'globalThis', 'self']);
/** Functions that schedule work or reach the network: the engine returns plans, not effects. */
const EFFECTS = new Set(['setTimeout', 'setInterval', 'requestAnimationFrame', 'queueMicrotask', 'fetch']);

/** The compiler, with the page's and the language's globals declared, so that names resolve to them or to local declarations. */
const OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ESNext, lib: ['lib.esnext.d.ts', 'lib.dom.d.ts'], types: [], noResolve: true, noEmit: true, allowImportingTsExtensions: true };

/** What each module does that the engine may not, as "path:line: what" (1-based lines). `sources` maps a path to its text. */
function impurities(sources: ReadonlyMap<string, string>): string[] {
  const host = ts.createCompilerHost(OPTIONS);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => sources.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => sources.get(name) ?? readFile(name);
  host.getSourceFile = (name, version, ...rest) =>
    sources.has(name) ? ts.createSourceFile(name, sources.get(name)!, version, true) : getSourceFile(name, version, ...rest);
  const program = ts.createProgram([...sources.keys()], OPTIONS, host);
  const checker = program.getTypeChecker();
  // A global is declared only in the compiler's declaration files; a local of the same name is not.
  const isGlobal = (node: ts.Node): boolean => {
    const declarations = checker.getSymbolAtLocation(node)?.declarations ?? [];
    return declarations.every((d) => d.getSourceFile().isDeclarationFile);
  };
  const found: string[] = [];
  for (const path of sources.keys()) {
    const file = program.getSourceFile(path)!;
    const at = (node: ts.Node, what: string): void => {
      found.push(`${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
        const from = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
        if (from && !from.startsWith('.') && !PACKAGES.has(from)) at(node, `imports the package '${from}'`);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        at(node, 'imports a module at run time');
      } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && isGlobal(node.expression)) {
        const name = `${node.expression.text}.${node.name.text}`;
        if (name === 'Math.random' || name === 'Date.now') at(node, name);
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && !node.arguments?.length) {
        at(node, 'new Date() (the wall clock)');
      } else if (ts.isIdentifier(node) && (HOST_GLOBALS.has(node.text) || EFFECTS.has(node.text)) && !isMemberName(node) && isGlobal(node)) {
        at(node, HOST_GLOBALS.has(node.text) ? `uses the global '${node.text}'` : `calls '${node.text}'`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

/** `y` in `x.y` or in `{ y: 1 }`: a member of something, not a global. */
function isMemberName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === node;
}

/** The engine's files and every project file they import, however indirectly. */
function engineClosure(): string[] {
  const seen = new Set<string>();
  const queue = sourceFiles(ENGINE);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (fileName.startsWith('.')) queue.push(resolve(dirname(file), fileName));
    }
  }
  return [...seen].sort();
}

describe('the engine', () => {
  it('is caught reaching outside (the check itself)', () => {
    const bad = [
      "import Phaser from 'phaser';",
      "import { createStore } from 'zustand/vanilla';",
      'const roll = Math.random();',
      'const now = Date.now();',
      'const today = new Date();',
      "document.title = 'x';",
      'setTimeout(() => {}, 0);',
      "const later = import('./later.ts');",
    ].join('\n');
    expect(impurities(new Map([['/virtual/bad.ts', bad]]))).toEqual([
      "/virtual/bad.ts:1: imports the package 'phaser'",
      "/virtual/bad.ts:2: imports the package 'zustand/vanilla'",
      '/virtual/bad.ts:3: Math.random',
      '/virtual/bad.ts:4: Date.now',
      '/virtual/bad.ts:5: new Date() (the wall clock)',
      "/virtual/bad.ts:6: uses the global 'document'",
      "/virtual/bad.ts:7: calls 'setTimeout'",
      '/virtual/bad.ts:8: imports a module at run time',
    ]);
    // Names that only look alike: declared locally, members of something, or in text.
    const fine = [
      "import { setup } from 'xstate';",
      "import { z } from 'zod';",
      "import { rng } from './rng.ts';",
      'const at = new Date(Date.UTC(2026, 0, 1));',
      'const timers = { setTimeout: 1 };',
      'function plan(document: string) { return document; }',
      'const roll = rng.random();',
      'const self = { id: 1 }; const me = self.id;',
      "// Math.random() would break replays; 'Date.now()' too",
    ].join('\n');
    expect(impurities(new Map([['/virtual/fine.ts', fine]]))).toEqual([]);
  });

  it('and everything it imports use no renderer, store, page, wall clock or unseeded randomness', () => {
    const files = engineClosure();
    // The walk really saw the engine and followed its imports out of src/engine/.
    expect(files.filter((f) => f.startsWith(ENGINE)).length).toBeGreaterThan(20);
    expect(files.some((f) => !f.startsWith(ENGINE))).toBe(true);
    const found = impurities(new Map(files.map((f) => [f, readFileSync(f, 'utf8')])));
    expect(found.map((what) => relative(ROOT, what))).toEqual([]);
  });
});
