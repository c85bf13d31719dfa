import { main } from './main';

// The process entry: bin/convene.mjs loads its compiled form from dist/, `npm run dev` runs it through tsx.
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
