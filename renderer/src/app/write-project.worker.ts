/// <reference lib="webworker" />
/** Writes a .qdpx off the window's thread, so saving a large study never freezes it (project-jobs.ts). */
import { serveJobs } from '../workers/serve';
import { writeProjectJob } from './project-jobs';

serveJobs([writeProjectJob]);
