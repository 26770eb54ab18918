/// <reference lib="webworker" />
/**
 * Parses picked files off the UI thread, so a 100 MB spreadsheet or a folder of Word
 * files never freezes the app (analyze-job.ts).
 */
import { serveJobs } from '../../workers/serve';
import { analyzeJob } from './analyze-job';

serveJobs([analyzeJob]);
