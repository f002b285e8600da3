import { UsageError } from './args.ts';
import { MAIN_HELP, SCHEMA_HELP } from './help.ts';
import { printable } from './text.ts';

// The `war-room` command: picks the command, prints what it returns, sets the exit code.
// Exit codes: 0 fine, 1 a scenario has errors, 2 bad command-line input. Each command's
// module is loaded when it runs: start-up is on the critical path of `check`.

async function runSchema(args: string[]): Promise<{ output: string; exitCode: number }> {
  if (args.includes('--help') || args.includes('-h')) return { output: SCHEMA_HELP, exitCode: 0 };
  if (args.length > 0) throw new UsageError(`schema takes no arguments, got "${args[0]}"`);
  const { writeSchemaFile } = await import('../scenarios/load-file.ts');
  const { writeTranslationSchemaFile } = await import('../scenarios/translation-json-schema.ts');
  return { output: `${await writeSchemaFile()}\n${await writeTranslationSchemaFile()}\n`, exitCode: 0 };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    let result: { output: string; exitCode: number };
    switch (command) {
      case 'check': {
        // check prints as it goes (each file as soon as it is done); progress only on a terminal.
        const { runCheck } = await import('./check.ts');
        return await runCheck(rest, {
          out: (text) => void process.stdout.write(text),
          ...(process.stderr.isTTY ? { progress: (text: string) => void process.stderr.write(`\r\x1b[K${text}`) } : {}),
        });
      }
      case 'play': {
        const { runPlay } = await import('./play.ts');
        result = await runPlay(rest);
        break;
      }
      case 'translate': {
        const { runTranslate } = await import('./translate.ts');
        result = await runTranslate(rest);
        break;
      }
      case 'schema':
        result = await runSchema(rest);
        break;
      case 'docs': {
        const { runDocs } = await import('./docs.ts');
        result = await runDocs(rest);
        break;
      }
      case 'serve': {
        // The server stays up after printing its addresses; Ctrl+C stops it.
        const { runServer } = await import('../../server/cli.ts');
        result = await runServer(rest, false);
        break;
      }
      case undefined:
        // No command is a usage error: the help goes to stderr so scripts do not mistake it for output.
        process.stderr.write(MAIN_HELP);
        return 2;
      case '--help':
      case '-h':
      case 'help':
        result = { output: MAIN_HELP, exitCode: 0 };
        break;
      default:
        throw new UsageError(`unknown command "${command}"; the commands are check, play, translate, schema, docs and serve (war-room --help)`);
    }
    process.stdout.write(printable(result.output));
    return result.exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`war-room: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`war-room: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
