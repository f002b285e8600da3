import { UsageError } from '../src/cli/args.ts';
import { runServer } from './cli.ts';

// `npm start`: the development server (Vite with hot reload, and the rooms) on one port.
try {
  const { output } = await runServer(process.argv.slice(2), true);
  process.stdout.write(output);
} catch (error) {
  process.stderr.write(`war-room: ${error instanceof UsageError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
