#!/usr/bin/env node
// The `qda` command. The CLI is TypeScript over shared/; tsx compiles it on the fly so
// that `npx qda` works straight after `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
