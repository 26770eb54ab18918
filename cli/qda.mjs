#!/usr/bin/env node
// The `qda` command. The CLI is TypeScript over shared/; tsx compiles it on the fly so
// that `npx qda` works straight after `npm install`, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
// `qda query ... | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
