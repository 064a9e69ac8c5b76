import { setFlagsFromString } from 'node:v8';
import { errorMessage } from '../analysis/errorMessage';
import { main } from './main';
import { batchFlags } from './optimizationBudget';

for (const flag of batchFlags(process.versions.v8, process.execArgv)) setFlagsFromString(flag);

// A reader that closes the pipe early (`| head`) has all it wants: end quietly with success, as
// Unix tools do, instead of dying on the unhandled error. Any other write error is a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`rust-review: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  },
);
