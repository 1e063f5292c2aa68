// Apply: a plan compiled into ordered API calls, run with a journal and a lock, verified by reading back.
export { compileCalls, knownIds, type CompileResult } from './plan-to-calls.js';
export { applyGraph, type ApplyRunInput } from './run.js';
export { executeGraph, type Api, type ExecuteEvent, type ExecuteInput } from './execute.js';
export { assertPlanIsCurrent } from './stale.js';
export { JournalWriter, journalDir, latestUnfinished, newRunId, readJournal } from './journal.js';
export { JOURNAL_FORMAT, JournalError, parseJournal, type JournalRecord, type Replay, type RunHeader } from './journal-records.js';
export { apiIdentity, describeApi, lockKey, normalizeBaseUrl, type ApiIdentity } from './lock/identity.js';
export { LockHeldError, LockLostError, type HeldLock, type LockBackend, type LockHolder } from './lock/backend.js';
export { fileLockBackend } from './lock/file-lock.js';
export { redisLockBackend } from './lock/redis-lock.js';
export { holdApis, bindingApi, type HeldLocks } from './lock/hold.js';
export { progressReporter, type Progress, type ProgressOutput } from './progress.js';
export { CALLS_FORMAT, type CallGraph, type Step, type StepOp, type TouchedResource, type Untouched } from './call-graph.js';
export type { ApplyOutcome, OutcomeEntry } from './outcome.js';
