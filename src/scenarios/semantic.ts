import type { Condition, Effect, Scenario, ScoreEntry } from './schema.ts';
import type { PathSegment } from './locate.ts';
import { flatEffects } from './effect-list.ts';
import { didYouMean } from './suggest.ts';
import { RUN_PLACEHOLDERS } from '../engine/text.ts';

export interface SemanticProblem {
  path: PathSegment[];
  message: string;
  severity: 'error' | 'warning';
}

/**
 * Checks what a schema cannot: that every reference points at something that exists, ids are
 * unique, and time limits have what they need. Runs only on a scenario that passed the schema.
 */
export function checkReferences(s: Scenario): SemanticProblem[] {
  const problems: SemanticProblem[] = [];
  const error = (path: PathSegment[], message: string): void => void problems.push({ path, message, severity: 'error' });
  const warn = (path: PathSegment[], message: string): void => void problems.push({ path, message, severity: 'warning' });

  const unique = (list: readonly { id: string }[] | undefined, path: PathSegment[], what: string): Set<string> => {
    const seen = new Set<string>();
    list?.forEach((item, i) => {
      if (seen.has(item.id)) error([...path, i, 'id'], `duplicate ${what} id "${item.id}"`);
      seen.add(item.id);
    });
    return seen;
  };
  const beats = unique(s.beats, ['beats'], 'beat');
  const services = unique(s.company.services, ['company', 'services'], 'service');
  const stakeholders = unique(s.stakeholders, ['stakeholders'], 'stakeholder');
  const regulators = unique(s.regulators, ['regulators'], 'regulator');
  const partners = unique(s.partners, ['partners'], 'partner');
  const measures = unique(s.preparation.measures, ['preparation', 'measures'], 'measure');
  const variables = unique(s.variables, ['variables'], 'variable');
  const objectives = unique(s.objectives, ['objectives'], 'objective');
  unique(s.injects, ['injects'], 'inject');
  const capabilities = new Set(s.partners.flatMap((p) => p.capabilities));
  const serviceDeps = new Map(s.company.services.map((x) => [x.id, x.dependsOn ?? []]));
  // Services that start down and that no effect ever brings back: down wherever they are read.
  const raisedSomewhere = new Set(allEffects(s).flatMap((e) => (e.type === 'service' && e.params.status !== 'down' ? [e.params.service] : [])));
  const neverUp = s.company.services.filter((x) => x.status === 'down' && !raisedSomewhere.has(x.id)).map((x) => x.id);
  const objectiveDimension = new Map(s.objectives.map((o) => [o.id, o.dimension]));

  const setFlags = new Set<string>((s.regulators ?? []).map((r) => `missed-${r.id}`));
  const collectFlags = (effects: readonly Effect[] | undefined): void =>
    flatEffects(effects).forEach((e) => e.type === 'set-flag' && setFlags.add(e.params.flag));
  s.preparation.measures.forEach((m) => collectFlags(m.effects));
  s.injects?.forEach((i) => collectFlags(i.effects));
  s.beats.forEach((b) => {
    collectFlags(b.onEnter);
    b.injects?.forEach((i) => collectFlags(i.effects));
    b.decision?.options.forEach((o) => collectFlags(o.effects));
  });

  const ref = (value: string, known: Set<string>, path: PathSegment[], what: string): void => {
    if (!known.has(value)) error(path, `no ${what} "${value}"${didYouMean(value, known)}`);
  };

  const readFlags = new Set<string>();
  const checkCondition = (c: Condition, path: PathSegment[]): void => {
    if (c.flag !== undefined) readFlags.add(c.flag);
    if (c.flag !== undefined && !setFlags.has(c.flag)) {
      error([...path, 'flag'], `flag "${c.flag}" is never set by any effect${didYouMean(c.flag, setFlags)}`);
    }
    if (c.measure !== undefined) ref(c.measure, measures, [...path, 'measure'], 'preparation measure');
    if (c.capability !== undefined && !capabilities.has(c.capability)) {
      warn([...path, 'capability'], `no partner has capability "${c.capability}"${didYouMean(c.capability, capabilities)}`);
    }
    if (c.var !== undefined) ref(c.var, variables, [...path, 'var'], 'variable');
    if (c.sentiment !== undefined) ref(c.sentiment, stakeholders, [...path, 'sentiment'], 'stakeholder');
    if (c.service !== undefined) ref(c.service, services, [...path, 'service'], 'service');
    if (c.not) checkCondition(c.not, [...path, 'not']);
    c.all?.forEach((x, i) => checkCondition(x, [...path, 'all', i]));
    c.any?.forEach((x, i) => checkCondition(x, [...path, 'any', i]));
  };

  // Where each flag is set, so a flag nothing reads can be reported once all conditions are seen.
  const flagSetAt: [string, PathSegment[]][] = [];
  // Service effects that bring a service back while something it needs is surely down there.
  const serviceRaises: { service: string; without: readonly string[]; down: Set<string>; path: PathSegment[] }[] = [];
  /** Checks a list of effects; `downBefore` are services known to be down when it starts (changed as it goes). */
  const checkEffects = (effects: readonly Effect[] | undefined, path: PathSegment[], downBefore: Set<string> = new Set(neverUp)): void => {
    const down = downBefore;
    effects?.forEach((e, i) => {
      const at: PathSegment[] = [...path, i, 'params'];
      switch (e.type) {
        case 'adjust':
          if (typeof e.params.by === 'object') ref(e.params.by.var, variables, [...at, 'by', 'var'], 'variable');
          return;
        case 'sentiment':
          ref(e.params.stakeholder, stakeholders, [...at, 'stakeholder'], 'stakeholder');
          if (typeof e.params.by === 'object') ref(e.params.by.var, variables, [...at, 'by', 'var'], 'variable');
          return;
        case 'set-flag':
          flagSetAt.push([e.params.flag, [...at, 'flag']]);
          return;
        case 'clear-flag':
          return;
        case 'service': {
          const { service, status, without } = e.params;
          ref(service, services, [...at, 'service'], 'service');
          const deps = serviceDeps.get(service) ?? [];
          without?.forEach((dep, k) => {
            if (services.has(service) && !deps.includes(dep)) {
              error([...at, 'without', k], `"${service}" does not depend on "${dep}"${didYouMean(dep, deps)}; without lists dependencies it runs without (dependsOn: ${deps.join(', ') || 'none'})`);
            }
          });
          if (status !== 'down') serviceRaises.push({ service, without: without ?? [], down: new Set(down), path: [...at, 'status'] });
          if (status === 'down') down.add(service);
          else down.delete(service);
          return;
        }
        case 'if':
          checkCondition(e.params.when, [...at, 'when']);
          // Either branch may run: each starts from what is known here, and nothing is known after.
          checkEffects(e.params.then, [...at, 'then'], new Set(down));
          checkEffects(e.params.else, [...at, 'else'], new Set(down));
          for (const x of flatEffects([e])) if (x.type === 'service') down.delete(x.params.service);
          return;
        case 'draw':
          ref(e.params.var, variables, [...at, 'var'], 'variable');
          return;
        case 'advance':
          if (typeof e.params.minutes === 'object') ref(e.params.minutes.var, variables, [...at, 'minutes', 'var'], 'variable');
          return;
        case 'notify':
          ref(e.params.regulator, regulators, [...at, 'regulator'], 'regulator');
          return;
        default: {
          const unreachable: never = e;
          throw new Error(`unknown effect ${JSON.stringify(unreachable)}`);
        }
      }
    });
  };

  const checkScore = (entries: readonly ScoreEntry[] | undefined, path: PathSegment[]): void => {
    entries?.forEach((entry, i) => {
      if (entry.objective === undefined) return;
      const dimension = objectiveDimension.get(entry.objective);
      if (dimension === undefined) ref(entry.objective, objectives, [...path, i, 'objective'], 'objective');
      else if (dimension !== entry.dimension) {
        error([...path, i, 'objective'], `objective "${entry.objective}" is scored as ${dimension}, but this entry is ${entry.dimension}`);
      }
    });
  };

  const checkText = (text: string | undefined, path: PathSegment[]): void => {
    for (const match of text?.matchAll(/\{([a-z0-9][a-z0-9-]*)\}/g) ?? []) {
      const name = match[1]!;
      if (!variables.has(name) && !(RUN_PLACEHOLDERS as readonly string[]).includes(name)) {
        error(path, `text refers to {${name}} but there is no such variable${didYouMean(name, variables)}; {now} and {duration} are filled in by the run`);
      }
    }
  };

  const checkInjects = (list: Scenario['injects'], path: PathSegment[]): void => {
    list?.forEach((inject, i) => {
      if (inject.stakeholder !== undefined) ref(inject.stakeholder, stakeholders, [...path, i, 'stakeholder'], 'stakeholder');
      if (inject.when) checkCondition(inject.when, [...path, i, 'when']);
      checkEffects(inject.effects, [...path, i, 'effects']);
      checkText(inject.text, [...path, i, 'text']);
    });
  };

  // The company's services
  s.company.services.forEach((service, i) =>
    service.dependsOn?.forEach((dep, j) => ref(dep, services, ['company', 'services', i, 'dependsOn', j], 'service')),
  );
  const cycle = findDependencyCycle(s);
  if (cycle) error(['company', 'services'], `services depend on each other in a circle: ${cycle.join(' -> ')}`);

  s.regulators?.forEach((r, i) => {
    checkCondition(r.trigger, ['regulators', i, 'trigger']);
    const dimension = r.objective === undefined ? undefined : objectiveDimension.get(r.objective);
    if (r.objective !== undefined && dimension === undefined) ref(r.objective, objectives, ['regulators', i, 'objective'], 'objective');
    else if (dimension !== undefined && dimension !== 'communication') {
      error(['regulators', i, 'objective'], `objective "${r.objective}" is scored as ${dimension}; a regulator's notice is communication evidence`);
    }
  });
  s.preparation.measures.forEach((m, i) => {
    checkEffects(m.effects, ['preparation', 'measures', i, 'effects']);
    checkScore(m.score, ['preparation', 'measures', i, 'score']);
  });
  checkInjects(s.injects, ['injects']);
  ref(s.start, beats, ['start'], 'beat');

  let endings = 0;
  s.beats.forEach((beat, b) => {
    const at: PathSegment[] = ['beats', b];
    checkText(beat.narrative, [...at, 'narrative']);
    const downOnEnter = new Set(neverUp);
    checkEffects(beat.onEnter, [...at, 'onEnter'], downOnEnter);
    unique(beat.injects, [...at, 'injects'], 'inject');
    checkInjects(beat.injects, [...at, 'injects']);
    if (beat.ending) endings++;
    if (Boolean(beat.decision) === Boolean(beat.ending)) {
      error([...at, 'id'], `beat "${beat.id}" needs exactly one of decision or ending`);
      return;
    }
    const decision = beat.decision;
    if (!decision) return;
    const options = unique(decision.options, [...at, 'decision', 'options'], 'option');
    checkText(decision.prompt, [...at, 'decision', 'prompt']);
    ref(decision.advice.option, options, [...at, 'decision', 'advice', 'option'], 'option');
    if (decision.default !== undefined) {
      ref(decision.default, options, [...at, 'decision', 'default'], 'option');
      if (decision.timeLimit === undefined) error([...at, 'decision', 'default'], 'a default needs a timeLimit: when would it apply?');
      const option = decision.options.find((o) => o.id === decision.default);
      if (option?.requires) warn([...at, 'decision', 'default'], `the default option "${option.id}" has requires: if it is unavailable the decision waits`);
    } else if (decision.timeLimit !== undefined) {
      warn([...at, 'decision', 'timeLimit'], 'a timed decision without a default waits forever when time runs out');
    }
    decision.options.forEach((option, o) => {
      const op: PathSegment[] = [...at, 'decision', 'options', o];
      if (option.requires) checkCondition(option.requires, [...op, 'requires']);
      checkEffects(option.effects, [...op, 'effects'], new Set(downOnEnter));
      checkScore(option.score, [...op, 'score']);
      for (const [field, text] of [['label', option.label], ['detail', option.detail], ['outcome', option.outcome]] as const) {
        checkText(text, [...op, field]);
      }
      const targets: [string, PathSegment[]][] = [
        [option.next, [...op, 'next']],
        ...(option.branches ?? []).map((br, k): [string, PathSegment[]] => [br.next, [...op, 'branches', k, 'next']]),
      ];
      option.branches?.forEach((br, k) => checkCondition(br.when, [...op, 'branches', k, 'when']));
      for (const [target, path] of targets) {
        ref(target, beats, path, 'beat');
        if (target === beat.id) error(path, `an option cannot lead back to its own beat "${beat.id}"`);
      }
    });
  });
  if (endings === 0) error(['beats'], 'the scenario needs at least one beat with an ending');

  const advised = s.preparation.advised;
  if (advised) {
    const seen = new Set<string>();
    let total = 0;
    advised.forEach((id, i) => {
      const at: PathSegment[] = ['preparation', 'advised', i];
      ref(id, measures, at, 'preparation measure');
      if (seen.has(id)) error(at, `"${id}" is listed twice`);
      seen.add(id);
      total += s.preparation.measures.find((m) => m.id === id)?.cost ?? 0;
    });
    if (total > s.preparation.budget) {
      const amount = (x: number): string => `${x.toLocaleString('en-GB')} ${s.company.currency ?? 'EUR'}`;
      error(['preparation', 'advised'], `the advised preparation costs ${amount(total)}, more than the budget of ${amount(s.preparation.budget)}`);
    }
  }

  for (const [flag, path] of flagSetAt) {
    if (!readFlags.has(flag)) {
      warn(path, `flag "${flag}" is set but no condition reads it${didYouMean(flag, readFlags)}; test it in a requires, branch, inject or regulator condition, or remove it`);
    }
  }

  // A service brought back up stays down while a dependency is down (unless it runs without
  // it). Warned where the dependency is surely down: taken down earlier in the same list or in
  // the beat's onEnter (and not brought back since), or down from the start for good.
  for (const raise of serviceRaises) {
    const blockers = dependenciesOf(raise.service, serviceDeps, raise.without).filter((dep) => raise.down.has(dep));
    if (blockers.length > 0) {
      warn(
        raise.path,
        `"${raise.service}" stays down while ${blockers.map((b) => `"${b}"`).join(' and ')} ${blockers.length > 1 ? 'are' : 'is'} down (it depends on ${blockers.length > 1 ? 'them' : 'it'}); bring ${blockers.length > 1 ? 'them' : 'it'} up first, or fail over with without: [${directBlockers(raise.service, serviceDeps, blockers).join(', ')}]`,
      );
    }
  }
  return problems;
}

/** Every effect anywhere in the scenario, conditional branches included. */
function allEffects(s: Scenario): Effect[] {
  return flatEffects([
    ...s.preparation.measures.flatMap((m) => m.effects ?? []),
    ...(s.injects ?? []).flatMap((i) => i.effects ?? []),
    ...s.beats.flatMap((b) => [
      ...(b.onEnter ?? []),
      ...(b.injects ?? []).flatMap((i) => i.effects ?? []),
      ...(b.decision?.options ?? []).flatMap((o) => o.effects ?? []),
    ]),
  ]);
}

/** What a service needs, directly or through others, leaving out the direct dependencies it runs without. */
function dependenciesOf(service: string, deps: Map<string, string[]>, without: readonly string[]): string[] {
  const found = new Set<string>();
  const queue = (deps.get(service) ?? []).filter((d) => !without.includes(d));
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    queue.push(...(deps.get(id) ?? []));
  }
  return [...found];
}

/** The direct dependencies through which the blockers reach the service: what `without` must name. */
function directBlockers(service: string, deps: Map<string, string[]>, blockers: readonly string[]): string[] {
  return (deps.get(service) ?? []).filter((d) => blockers.includes(d) || dependenciesOf(d, deps, []).some((x) => blockers.includes(x)));
}

function findDependencyCycle(s: Scenario): string[] | null {
  const deps = new Map(s.company.services.map((x) => [x.id, x.dependsOn ?? []]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'done') return null;
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      const found = deps.has(dep) ? visit(dep) : null;
      if (found) return found;
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of deps.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}
