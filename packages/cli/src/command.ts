import type { Command } from 'commander';
import type { Output } from './output';

/** One command per file; each exports a `CommandModule`, listed in commands/index.ts. */
export interface CommandModule {
  register(program: Command, output: Output): void;
}

/**
 * `hemispasm <name>`: its one-line description, then `build` adds the arguments, options and action
 * to the command and may print through `output`.
 */
export function defineCommand(
  name: string,
  description: string,
  build: (command: Command, output: Output) => void,
): CommandModule {
  return { register: (program, output) => build(program.command(name).description(description), output) };
}
