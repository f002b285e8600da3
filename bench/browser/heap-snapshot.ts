import type { Page } from 'playwright-core';

// The JS heap split into compiled code and everything else, from a heap snapshot. V8 compiles
// more of the app (baseline and optimised machine code, feedback) as more of it runs, so over the
// first games the code part grows with no object leaked; a leak shows in the rest.

export interface HeapParts {
  /** MiB of compiled code and its metadata (snapshot node type "code"). */
  code: number;
  /** MiB of the page's objects, strings, arrays and closures: the JS heap without the code. */
  objects: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

/** Takes a snapshot (after the collection it forces) and sums its nodes' own sizes by kind. */
export async function heapParts(page: Page): Promise<HeapParts> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.send('HeapProfiler.disable');
  await cdp.detach();
  const { snapshot, nodes } = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const kinds = snapshot.meta.node_types[0];
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  let code = 0;
  let objects = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = kinds[nodes[i + type]!];
    // Native nodes are the page's C++ objects (DOM, canvas), synthetic ones are roots: not JS heap.
    if (kind === 'native' || kind === 'synthetic') continue;
    if (kind === 'code') code += nodes[i + size]!;
    else objects += nodes[i + size]!;
  }
  return { code: code / 1024 / 1024, objects: objects / 1024 / 1024 };
}
