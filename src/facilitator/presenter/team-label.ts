// The presenter's header line under the exercise's title: "Team Blue", but "Blue team" or
// "Leadership team, Plant North" as they are (the word is not doubled). `withWord` is the name with
// the word in the presenter's language ("Team Blue" in English and German alike).

export function teamLabel(name: string, withWord = `Team ${name.trim()}`): string {
  const trimmed = name.trim();
  return /\bteam\b/i.test(trimmed) ? trimmed : withWord;
}
