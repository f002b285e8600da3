// The order scenarios are listed in, wherever they are listed.

interface Listed {
  file: string;
  scenario: { title: string } | null;
}

/**
 * Playable scenarios by title in the order `lang` sorts them, then broken files by name. `title`
 * is the title a reader sees (a card's in their language, where it has one), so a German list is
 * in German order rather than its English titles'. One collator for the whole sort: a new one per
 * comparison (what `localeCompare` makes) cost tens of ms on a slow phone, and even one costs
 * tens of ms the first time a page makes it, so a page sorts only the lists it shows.
 */
export function sortedByTitle<T extends Listed>(entries: readonly T[], lang: string, title: (e: T) => string = (e) => e.scenario?.title ?? e.file): T[] {
  const compare = new Intl.Collator(lang).compare;
  return [...entries].sort((a, b) => {
    if ((a.scenario === null) !== (b.scenario === null)) return a.scenario === null ? 1 : -1;
    return compare(title(a), title(b));
  });
}
