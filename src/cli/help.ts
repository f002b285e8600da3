// The help text of each command. Kept apart from the code so it reads as one page.

export const MAIN_HELP = `war-room: check and play War Room incident scenarios

Usage:
  war-room check [files or folders] [--json] [--strict]   validate, explore and balance-check scenarios
  war-room play <file> [--seed N] [--partner ID] [--prep a,b] [--choices 2,1,t]   play headless
  war-room translate <file> --lang de                      write the scenario's translation file to fill in
  war-room schema                                          regenerate scenarios/scenario.schema.json and translation.schema.json
  war-room docs                                            regenerate docs/scoring.md, docs/scenarios.md and the field reference in docs/scenario-format.md
  war-room serve [--port N] [--host ADDRESS]               serve the built app and the workshop rooms

Run "war-room <command> --help" for a command's options.
Exit codes: 0 fine, 1 a scenario has errors, 2 bad command-line input.
`;

export const CHECK_HELP = `war-room check [files or folders] [options]

Loads each scenario (folders: every *.yaml / *.yml in them, default scenarios/), compiles it,
explores every path (seeds, partners, preparations, options, letting timers run out), plays
simple policies and reports structure, score ranges and the balance rules. See docs/checker.md.

Options:
  --json              print one JSON object { "scenarios": [...] } instead of the report
  --strict            failed balance rules are errors too (exit 1)
  --seeds LIST        seeds to explore, e.g. 1-3 (default) or 1,4,9 (seeds run from 0 to 2147483647)
  --max-states N      stop a search after N distinct states (default 200000); stopping is an error
  --max-seconds N     stop each phase (search, policies, seed spread) after N CPU seconds (default 30)
  --paths N           score every path up to N, else a seeded sample of N paths (default 1000)
  -j, --jobs N        check N files at once in worker threads (default: one per core)
  -w, --watch         after the report, check a file again each time it is saved (Ctrl-C stops)
  -h, --help          this help

Each file's part of the report is printed as soon as it is done.
Exit code 1 when any file has an error (load errors, unreachable beats, dead ends,
endings never reached, an unfinished search), 0 otherwise.
`;

export const PLAY_HELP = `war-room play <file> [options]

Plays a scenario without a screen: commits the preparation, then for each decision thinks
--think game minutes (stopping short of a deadline) and picks the next of --choices.
The same seed and choices always give the same output. After the run it replays the same
decisions with every partner of the scenario (a partner's default applies where an answer is out
of its reach) and without the preparation, and prints the comparison, the better options the
partner kept out of reach, the preparation's return and uptime per service.

Options:
  --seed N            the run's seed, 0 to 2147483647 (default 1)
  --partner ID        the IT partner (default: the scenario's first)
  --prep a,b          preparation measures to buy (default: none)
  --choices 2,1,t     1-based option numbers in order; t lets the decision's timer run out
  --think M           game minutes before each choice (default 2; 0 chooses at once)
  --json              print { scenario, seed, partner, choices, timeline, scores, ending,
                      comparison, lesson, closedByPartner, roi, uptime }
  -h, --help          this help

Exit code 2 for bad arguments (unknown option number, partner or measure, a preparation
over budget, choices that run out before an ending), 1 when the file itself has errors.
`;

export const DOCS_HELP = `war-room docs

Regenerates the documents built from code and data: docs/scoring.md (the scoring rubric the
game shows), docs/scenarios.md (the catalogue of every scenario in scenarios/) and the field
reference in docs/scenario-format.md (from the schema). Tests fail when any is stale.
`;

export const SCHEMA_HELP = `war-room schema

Regenerates scenarios/scenario.schema.json and scenarios/translation.schema.json from the zod
schemas in src/scenarios/schema.ts and translation-schema.ts and prints their paths. Editors
use them through the yaml-language-server $schema comment.
`;

export const TRANSLATE_HELP = `war-room translate <scenario file> --lang LANG

Writes scenarios/translations/<file>.<LANG>.yaml (LANG: de) with every English text of the
scenario: each text not yet translated as { from: <fingerprint>, en: <English> }; add text:
with the translation. Run it again after the English changes: translations are kept, new texts
are added, and a stale one (English changed since) shows the new English beside it; fix the
text and set from: to the new fingerprint (or delete from: and run translate again, which
fingerprints texts that have none). See docs/scenario-format.md, "Translations".

Options:
  --lang LANG         the language to translate into (de)
  -h, --help          this help
`;
