import { registerMain } from './register';

process.exitCode = await registerMain({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
