import type { Command } from 'commander';
import type { Output } from '../output';
import { analyzeCommand } from './analyze';
import { instrumentsCommand } from './instruments';
import { recommendCommand } from './recommend';
import { scoreCommand } from './score';
import { signalsCommand } from './signals';

/** One command per file; each exports a `CommandModule` and is listed here. */
export interface CommandModule {
  register(program: Command, output: Output): void;
}

export const commands: CommandModule[] = [
  recommendCommand,
  instrumentsCommand,
  scoreCommand,
  signalsCommand,
  analyzeCommand,
];
