import type { Condition } from '../scenarios/schema.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import { runStatuses } from './services.ts';
import type { RunState } from './state.ts';

// Conditions are data; they are asked at every slice of game time (each inject's `when`,
// each regulator's trigger), so each one is turned once into a function that asks only its
// own question, instead of testing which of its eleven fields is set on every call (that
// interpretation was the largest single cost of a step when the checker was profiled).

type Test = (index: ScenarioIndex, state: RunState) => boolean;

/** A comparison of the condition's eq / gte / lte, for a value that may be missing. */
function comparison(c: Condition): (value: number | string | undefined) => boolean {
  const { eq, gte, lte } = c;
  return (value) => {
    if (value === undefined) return false;
    if (eq !== undefined && value !== eq) return false;
    if (gte !== undefined && !(typeof value === 'number' && value >= gte)) return false;
    if (lte !== undefined && !(typeof value === 'number' && value <= lte)) return false;
    return true;
  };
}

/** The schema guarantees exactly one subject; the order of the tests is the order of precedence. */
function compile(c: Condition): Test {
  if (c.flag !== undefined) {
    const flag = c.flag;
    return (_, s) => s.flags.includes(flag);
  }
  if (c.measure !== undefined) {
    const measure = c.measure;
    return (_, s) => s.measures.includes(measure);
  }
  if (c.capability !== undefined) {
    const capability = c.capability;
    return (index, s) => index.partners.get(s.partnerId)?.capabilities.includes(capability) ?? false;
  }
  if (c.metric !== undefined) {
    const metric = c.metric;
    const compare = comparison(c);
    return (_, s) => compare(s.metrics[metric]);
  }
  if (c.var !== undefined) {
    const name = c.var;
    const compare = comparison(c);
    return (_, s) => compare(s.vars[name]);
  }
  if (c.sentiment !== undefined) {
    const stakeholder = c.sentiment;
    const compare = comparison(c);
    return (_, s) => compare(s.sentiment[stakeholder]);
  }
  if (c.service !== undefined) {
    const { service, is } = c;
    return (index, s) => runStatuses(index, s)[service] === is;
  }
  if (c.clock !== undefined) {
    const compare = comparison(c);
    return (_, s) => compare(s.clock);
  }
  if (c.not !== undefined) {
    const inner = testOf(c.not);
    return (index, s) => !inner(index, s);
  }
  if (c.all !== undefined) {
    const tests = c.all.map(testOf);
    return (index, s) => {
      for (const test of tests) if (!test(index, s)) return false;
      return true;
    };
  }
  if (c.any !== undefined) {
    const tests = c.any.map(testOf);
    return (index, s) => {
      for (const test of tests) if (test(index, s)) return true;
      return false;
    };
  }
  return () => false;
}

/** Scenario data is never changed once loaded, so a condition's function is made once. */
const tests = new WeakMap<Condition, Test>();

function testOf(c: Condition): Test {
  let test = tests.get(c);
  if (test === undefined) tests.set(c, (test = compile(c)));
  return test;
}

/** Evaluates a condition against a run. */
export function holds(index: ScenarioIndex, state: RunState, c: Condition): boolean {
  return testOf(c)(index, state);
}
