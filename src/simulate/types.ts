// The simulation as data: what `promoc simulate --out` writes and `promoc report --simulation` reads.
// Its shape is schemas/simulation.schema.json (types generated into src/generated/simulation.ts);
// versioned like a plan file, and a reader refuses any other formatVersion. Money is integer minor
// units, keyed by currency (recorded sessions may mix currencies; the engine never converts).
export type {
  CampaignChange,
  CampaignResult,
  CampaignStats,
  DailySeries,
  Exhaustion,
  GeofenceChange,
  GeofenceShape,
  MoneyByCurrency,
  SessionError,
  SessionStats,
  SideInfo,
  SideTotals,
  SimulationReport,
  WorstCase,
} from '../generated/simulation.js';

export const SIMULATION_FORMAT = 'promoc-simulation/v1' as const;
