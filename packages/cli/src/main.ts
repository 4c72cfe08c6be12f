import { formatIssues, InputError } from '@hemispasm/core';
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, UsageError } from './errors';
import { type Output, processOutput } from './output';

export function buildProgram(output: Output): Command {
  const program = new Command('hemispasm')
    .description(
      'hemispasm: assessment, decision support and objective measurement for hemifacial spasm.\n' +
        'It supports, and does not replace, the judgement of a physician.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
    })
    .showHelpAfterError('(run with --help for usage)');
  for (const c of commands) c.register(program, output);
  return program;
}

/** Runs the CLI and returns the exit code; never lets a stack trace reach the user for bad input. */
export async function main(argv: string[], output: Output = processOutput): Promise<number> {
  const program = buildProgram(output);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
        return EXIT_OK;
      return EXIT_BAD_INPUT;
    }
    if (e instanceof InputError) {
      output.err(formatIssues(e.issues));
      return EXIT_BAD_INPUT;
    }
    if (e instanceof UsageError) {
      output.err(e.message);
      return EXIT_BAD_INPUT;
    }
    output.err(`hemispasm: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT_FAILURE;
  }
}
