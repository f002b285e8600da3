import type { ScoreEntry } from '../scenarios/schema.ts';
import type { CompiledScenario } from './compile.ts';
import type { Branch, Exploration, GraphNode } from './explore.ts';
import { RULE_POINTS } from './scoring.ts';

// A uniform sample of billions of paths rarely contains the very best or worst one, yet
// the balance rules compare the best and worst paths. These are found by steering: each
// branch carries the points its scenario data awards (measures, options, the timeout
// penalty), the best and worst sums are computed backwards over the merged graph, and the
// paths that achieve them are returned to be replayed and scored for real. Points the
// rules add along the way (regulators) are not in the sums, so the steering is a good
// guess, not a proof; the scores reported are always those of real replays.

/** A path as edge indices: the first picks a root, the rest pick an edge at each node. */
export type PathIndices = number[];

type Weights = { communication: number; proactivity: number };

function entryPoints(entries: readonly ScoreEntry[] | undefined): Weights {
  const w = { communication: 0, proactivity: 0 };
  for (const e of entries ?? []) if (e.dimension !== 'businessImpact') w[e.dimension] += e.points;
  return w;
}

function branchWeights(compiled: CompiledScenario, node: GraphNode, branch: Branch): Weights {
  const { index } = compiled;
  switch (branch.kind) {
    case 'prep': {
      const w = { communication: 0, proactivity: 0 };
      for (const id of branch.measures) {
        const m = entryPoints(index.measures.get(id)?.score);
        w.communication += m.communication;
        w.proactivity += m.proactivity;
      }
      return w;
    }
    case 'choose':
      return entryPoints(index.options.get(node.beat ?? '')?.get(branch.option)?.score);
    case 'wait': {
      const fallback = index.beats.get(node.beat ?? '')?.decision?.default;
      const w = entryPoints(fallback === undefined ? undefined : index.options.get(node.beat ?? '')?.get(fallback)?.score);
      w.proactivity += RULE_POINTS.timeout;
      return w;
    }
    default: {
      const unreachable: never = branch;
      throw new Error(`unknown branch ${JSON.stringify(unreachable)}`);
    }
  }
}

/** What is maximised: communication, proactivity, or their sum (in that order). */
const OBJECTIVES = 3;

/** For each objective, the best and the worst path from every root. */
export function extremePaths(compiled: CompiledScenario, graph: Exploration): PathIndices[] {
  const { nodes, roots } = graph;
  // Edge weights and children in flat typed arrays (node i's edges are first[i] to first[i+1]),
  // and the best suffix per node likewise: six passes over per-edge objects with a Map memo
  // took as long as replaying and scoring all the sampled paths (0.57 of 1.1 s CPU over the
  // shipped scenarios; 0.18 s this way).
  const first = new Int32Array(nodes.length + 1);
  for (let i = 0; i < nodes.length; i++) first[i + 1] = first[i]! + nodes[i]!.edges.length;
  const communication = new Float64Array(first[nodes.length]!);
  const proactivity = new Float64Array(first[nodes.length]!);
  const usable = new Uint8Array(first[nodes.length]!);
  const child = new Int32Array(first[nodes.length]!);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    for (let j = 0; j < node.edges.length; j++) {
      const e = node.edges[j]!;
      child[first[i]! + j] = e.child;
      if (e.child < 0 || e.loop || nodes[e.child]!.paths === 0) continue;
      const w = branchWeights(compiled, node, e.branch);
      communication[first[i]! + j] = w.communication;
      proactivity[first[i]! + j] = w.proactivity;
      usable[first[i]! + j] = 1;
    }
  }
  const value = new Float64Array(nodes.length);
  const edgeOf = new Int32Array(nodes.length);
  const known = new Uint8Array(nodes.length);
  const paths: PathIndices[] = [];
  for (let objective = 0; objective < OBJECTIVES; objective++) {
    for (const sign of [1, -1]) {
      known.fill(0);
      // Best suffix per node; loop edges are excluded, so the graph is acyclic and the memo is safe.
      const best = (id: number): number => {
        if (known[id]) return value[id]!;
        let v = nodes[id]!.kind === 'ending' ? 0 : -Infinity;
        let edge = -1;
        for (let k = first[id]!, end = first[id + 1]!; k < end; k++) {
          if (!usable[k]) continue;
          const w = objective === 0 ? communication[k]! : objective === 1 ? proactivity[k]! : communication[k]! + proactivity[k]!;
          const through = sign * w + best(child[k]!);
          if (through > v) {
            v = through;
            edge = k - first[id]!;
          }
        }
        value[id] = v;
        edgeOf[id] = edge;
        known[id] = 1;
        return v;
      };
      roots.forEach((root, r) => {
        if (root.node < 0 || nodes[root.node]!.paths === 0) return;
        best(root.node);
        const path: PathIndices = [r];
        for (let id = root.node; nodes[id]!.kind !== 'ending'; ) {
          const edge = edgeOf[id]!;
          if (edge < 0) return;
          path.push(edge);
          id = nodes[id]!.edges[edge]!.child;
          best(id);
        }
        paths.push(path);
      });
    }
  }
  return paths;
}
