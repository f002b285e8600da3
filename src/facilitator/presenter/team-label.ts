// The presenter's header line under the exercise's title: "Team Blue", but "Blue team" or
// "Leadership team, Plant North" as they are (the word is not doubled).

export function teamLabel(name: string): string {
  const trimmed = name.trim();
  return /\bteam\b/i.test(trimmed) ? trimmed : `Team ${trimmed}`;
}
