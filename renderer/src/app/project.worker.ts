/// <reference lib="webworker" />
/** Reads and writes project files off the window's thread, so a large study never freezes it (project-jobs.ts). */
import { serveJobs } from '../workers/serve';
import { readProjectJob, writeProjectJob } from './project-jobs';

serveJobs([readProjectJob, writeProjectJob]);
