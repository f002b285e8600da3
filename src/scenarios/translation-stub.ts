import { Document, isMap, isScalar, visit } from 'yaml';
import type { PathSegment } from './locate.ts';
import type { Scenario } from './schema.ts';
import { scenarioTexts, sourceHash, translatedAt } from './translation.ts';
import type { Translation, TranslationLanguage } from './translation-schema.ts';

// What `war-room translate` writes: the translation file of a scenario with every English text
// in it. A text already translated keeps its translation (and gets its fingerprint, if it has
// none yet); a text not yet translated gets its fingerprint and the English beside it (`en`)
// to translate from; a stale one keeps its old fingerprint and shows the new English.

export interface StubCounts {
  translated: number;
  missing: number;
  stale: number;
  stamped: number;
}

/** Short entries fit on one line as `{ from: …, text: … }`; longer ones get a line per field. */
const FLOW_WIDTH = 100;

export function translationStub(
  scenario: Scenario,
  existing: Translation | null,
  language: TranslationLanguage,
): { text: string; counts: StubCounts } {
  const counts: StubCounts = { translated: 0, missing: 0, stale: 0, stamped: 0 };
  const root: Record<string, unknown> = { formatVersion: 1, scenario: scenario.id, language };
  for (const t of scenarioTexts(scenario)) {
    const hash = sourceHash(t.text);
    const old = existing ? translatedAt(existing, t.key) : undefined;
    let entry: Record<string, string>;
    if (old?.text === undefined) {
      counts.missing++;
      entry = { from: hash, en: t.text };
    } else if (old.from === undefined) {
      counts.stamped++;
      entry = { from: hash, text: old.text };
    } else if (old.from !== hash) {
      counts.stale++;
      entry = { from: old.from, en: t.text, text: old.text };
    } else {
      counts.translated++;
      entry = { from: hash, text: old.text };
    }
    setIn(root, t.key, entry);
  }
  const doc = new Document(root);
  visit(doc, {
    Map(_, node) {
      const fields = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
      const leaf = node.items.every((p) => isScalar(p.value)) && fields.every((f) => f === 'from' || f === 'text' || f === 'en');
      if (!leaf) return;
      const length = node.items.reduce((n, p) => n + String(isScalar(p.value) ? p.value.value : '').length + 8, 0);
      if (length <= FLOW_WIDTH) node.flow = true;
    },
  });
  if (!isMap(doc.contents)) throw new Error('a translation is a mapping');
  const body = doc.toString({ lineWidth: 118, minContentWidth: 40 });
  return { text: `# yaml-language-server: $schema=../translation.schema.json\n${body}`, counts };
}

function setIn(root: Record<string, unknown>, key: readonly PathSegment[], value: unknown): void {
  let current: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < key.length - 1; i++) {
    const segment = key[i]!;
    const nextIsIndex = typeof key[i + 1] === 'number';
    const holder = current as Record<string | number, unknown>;
    if (holder[segment] === undefined) holder[segment] = nextIsIndex ? [] : {};
    current = holder[segment] as Record<string, unknown> | unknown[];
  }
  (current as Record<string | number, unknown>)[key[key.length - 1]!] = value;
}
