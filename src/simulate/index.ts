// The simulation stage: replay recorded sessions through the base and the head bundle and compare.
// Pure core: Replay / simulateSessions (sessions in memory), simulateStream (chunks in, bounded memory).
// Edges: resolveSides (git, folders, overlays).
export { Replay, simulateSessions } from './replay.js';
export { simulateStream } from './stream.js';
export { diffBundles } from './changes.js';
export { hasMoved } from './compare.js';
export { catalogOf, busiestMonth } from './catalog.js';
export { generateSessions, sessionLines } from './generate.js';
export { sessionFromObject, SessionError, SessionsFileError } from './session.js';
export { parseNdjsonLine, sessionParser, formatOf, LineSplitter } from './read.js';
export { resolveSides } from './resolve.js';
export { nodeGit, SideError } from './sides.js';
export { SIMULATION_FORMAT } from './types.js';

export type { SimulationSide } from './replay.js';
export type { Progress, StreamOptions } from './stream.js';
export type { Catalog } from './catalog.js';
export type { GenerateOptions, GeneratedSession } from './generate.js';
export type { Session } from './session.js';
export type { SessionFormat } from './read.js';
export type { SideOptions, Resolved } from './resolve.js';
export type { Git } from './sides.js';
export type { SimulationReport, CampaignResult, CampaignStats, SideTotals, WorstCase, Exhaustion, DailySeries, GeofenceChange } from './types.js';
