/// <reference lib="webworker" />
/** Reads a project file off the window's thread, so opening a large study never freezes it (project-jobs.ts). */
import { serveJobs } from '../workers/serve';
import { readProjectJob } from './project-jobs';

serveJobs([readProjectJob]);
