import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files.ts';

// "Imports point one way, no cycles" (docs/GUIDE): every module of src/ and server/, and
// what it imports (static, dynamic and type-only imports, and re-exports, read with the
// TypeScript compiler's own pre-processor, so comments and strings are not mistaken for
// imports), must form a graph without cycles. A failure names each cycle as a chain of files.
// A dependency such as madge would do the same with a bundler resolver and a graph renderer
// we do not need; the relative `.ts` imports this project uses resolve by path alone.

const FOLDERS = ['src', 'server'];

/** Each file's imports of other files in the project (packages are left out: they cannot import us). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name))
      .map((path) => (known.has(path) ? path : [`${path}.ts`, join(path, 'index.ts')].find((p) => known.has(p))))
      .filter((path): path is string => path !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components with more than one file (or a file importing itself), each as a cycle. */
function importCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative: a deep import chain must not exhaust the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.push(member);
        if (member === frame.node) break;
      }
      if (component.length > 1 || edges.includes(frame.node)) cycles.push(chainThrough(graph, new Set(component)));
    }
  }
  return cycles;
}

/** One concrete cycle inside a component: from its first file, follow imports within it until a file repeats. */
function chainThrough(graph: Map<string, string[]>, component: Set<string>): string[] {
  const first = [...component].sort()[0]!;
  const path = [first];
  const seen = new Map([[first, 0]]);
  for (let at = first; ; ) {
    at = (graph.get(at) ?? []).find((to) => component.has(to))!;
    if (seen.has(at)) return [...path.slice(seen.get(at)!), at];
    seen.set(at, path.length);
    path.push(at);
  }
}

describe('imports', () => {
  it('finds a cycle when there is one (the detector itself)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c', 'a'], ['e', 'e']]);
    expect(importCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('form no cycle in src/ and server/', () => {
    const files = FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f)));
    const graph = importGraph(files);
    // The walk really saw the project: hundreds of files, most importing another.
    expect(files.length).toBeGreaterThan(100);
    expect([...graph.values()].filter((t) => t.length > 0).length).toBeGreaterThan(files.length / 2);
    const cycles = importCycles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(' → '));
    expect(cycles).toEqual([]);
  });
});
