import type { CompiledScenario } from './compile.ts';
import { comparePartners, type PartnerComparison } from './partner-comparison.ts';
import { preparationRoi, type PreparationRoi } from './preparation-roi.ts';
import { serviceUptime, type UptimeReport } from './service-uptime.ts';
import type { RunState } from './state.ts';

// What a finished run teaches beyond its scores, worked out once for the debrief, the exports and
// `war-room play`: the partner comparison, the preparation's return, uptime and productivity. Pure.

export interface RunLessons {
  comparison: PartnerComparison;
  roi: PreparationRoi;
  uptime: UptimeReport;
}

export function runLessons(compiled: CompiledScenario, state: RunState): RunLessons {
  return {
    comparison: comparePartners(compiled, state),
    roi: preparationRoi(compiled, state),
    uptime: serviceUptime(compiled.index, state.log, state.clock),
  };
}
