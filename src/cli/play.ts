import { compileScenario } from '../engine/compile.ts';
import { playResult, scriptedRun, ScriptError, type PlayResult, type ScriptChoice } from '../engine/playthrough.ts';
import { runLessons, type RunLessons } from '../engine/run-lessons.ts';
import { regulatorEventText, scoreReportText } from '../i18n/engine-text.ts';
import { loadScenarioFile } from '../scenarios/load-file.ts';
import { commaList, integer, parse, seed, UsageError } from './args.ts';
import { problemLine } from './format-check.ts';
import { formatPlay } from './format-play.ts';
import { PLAY_HELP } from './help.ts';

// `war-room play`: one headless run from the command line.

function parseChoices(value: string | undefined): ScriptChoice[] {
  return commaList(value).map((c, i) => {
    if (c === 't' || c === 'T') return 'timeout';
    if (/^\d+$/.test(c) && Number(c) >= 1) return Number(c);
    throw new UsageError(`--choices item ${i + 1} is "${c}": use option numbers from 1, or t to let the timer run out`);
  });
}

export async function runPlay(args: string[]): Promise<{ output: string; exitCode: number }> {
  const { values, positionals } = parse(args, {
    seed: { type: 'string' },
    partner: { type: 'string' },
    prep: { type: 'string' },
    choices: { type: 'string' },
    think: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { output: PLAY_HELP, exitCode: 0 };
  if (positionals.length !== 1) throw new UsageError('play takes exactly one scenario file, e.g. war-room play scenarios/ransomware-manufacturer.yaml');
  const file = positionals[0]!;
  const runSeed = seed(values.seed, 'seed', 1);
  const think = integer(values.think, 'think', 2);
  const choices = parseChoices(values.choices);

  const loaded = await loadScenarioFile(file);
  if (!loaded.scenario || loaded.errors.length > 0) {
    return { output: `${loaded.errors.map((e) => problemLine(e, 'error')).join('\n')}\n`, exitCode: 1 };
  }
  const compiled = compileScenario(loaded.scenario);
  try {
    const run = scriptedRun(compiled, {
      seed: runSeed,
      ...(values.partner === undefined ? {} : { partner: values.partner }),
      prep: commaList(values.prep),
      choices,
      think,
    });
    const result = playResult(compiled, runSeed, run);
    const lessons = runLessons(compiled, run.state);
    const output = values.json ? `${JSON.stringify({ file, ...resultJson(result), ...lessonsJson(lessons) }, null, 2)}\n` : formatPlay(compiled, result, lessons);
    return { output, exitCode: 0 };
  } catch (error) {
    if (error instanceof ScriptError) throw new UsageError(error.message);
    throw error;
  }
}

/** The run as `--json` carries it: reasons, ratings, verdict and regulator events in English words, as before they were data. */
function resultJson(result: PlayResult) {
  return {
    ...result,
    timeline: result.timeline.map((e) => (e.kind === 'regulator' ? { ...e, event: e.event.kind, detail: regulatorEventText(e.event, 'en') } : e)),
    scores: scoreReportText(result.scores, 'en'),
  };
}

/** The partner comparison and the preparation's return, as `--json` carries them. */
function lessonsJson({ comparison, roi, uptime }: RunLessons) {
  return {
    comparison: comparison.partners.map((p) => ({
      partner: p.partner.id,
      name: p.partner.name,
      tier: p.partner.tier,
      own: p.own,
      scores: p.scores,
      revenueLost: p.revenueLost,
      downtimeMinutes: p.downtimeMinutes,
      customersAffected: p.customersAffected,
      staffHoursLost: p.staffHoursLost,
      endedAt: p.endedAt,
      ending: p.ending,
      changed: p.changed,
    })),
    lesson: comparison.lesson,
    closedByPartner: comparison.closed,
    roi,
    uptime,
  };
}
