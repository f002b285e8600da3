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

const OBJECTIVES: ((w: Weights) => number)[] = [
  (w) => w.communication,
  (w) => w.proactivity,
  (w) => w.communication + w.proactivity,
];

/** For each objective, the best and the worst path from every root. */
export function extremePaths(compiled: CompiledScenario, graph: Exploration): PathIndices[] {
  const { nodes, roots } = graph;
  const usable = (e: GraphNode['edges'][number]): boolean => e.child >= 0 && !e.loop && nodes[e.child]!.paths > 0;
  const weights = nodes.map((node) => node.edges.map((e) => (usable(e) ? branchWeights(compiled, node, e.branch) : null)));
  const paths: PathIndices[] = [];
  for (const objective of OBJECTIVES) {
    for (const sign of [1, -1]) {
      // Best suffix per node; loop edges are excluded, so the graph is acyclic and memo is safe.
      const memo = new Map<number, { value: number; edge: number }>();
      const best = (id: number): number => {
        const known = memo.get(id);
        if (known) return known.value;
        const node = nodes[id]!;
        let value = node.kind === 'ending' ? 0 : -Infinity;
        let edge = -1;
        node.edges.forEach((e, i) => {
          const w = weights[id]![i];
          if (!w) return;
          const v = sign * objective(w) + best(e.child);
          if (v > value) {
            value = v;
            edge = i;
          }
        });
        memo.set(id, { value, edge });
        return value;
      };
      roots.forEach((root, r) => {
        if (root.node < 0 || nodes[root.node]!.paths === 0) return;
        best(root.node);
        const path: PathIndices = [r];
        for (let id = root.node; nodes[id]!.kind !== 'ending'; ) {
          const edge = memo.get(id)?.edge ?? -1;
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
