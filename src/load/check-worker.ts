// Worker thread: checks a share of the files with its own validator, so both cores parse YAML.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createValidator } from '../schema/validator.js';
import { loadSchemaSet } from '../schema/schema-set.js';
import { loadPrecompiled } from '../schema/precompiled.js';
import { checkSource, type SourceJob } from './check-source.js';

const validator = createValidator(loadSchemaSet(), await loadPrecompiled());
const jobs = workerData as SourceJob[];
parentPort!.postMessage(jobs.map((job) => checkSource(job, readFileSync(job.abs), validator)));
