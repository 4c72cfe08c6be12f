import type { Command } from 'commander';
import type { Output } from '../output';
import { adminCommand } from './admin';
import { analyzeCommand } from './analyze';
import { backupCommand, restoreCommand } from './backup';
import { demoCommand } from './demo';
import { instrumentsCommand } from './instruments';
import { recommendCommand } from './recommend';
import { scoreCommand } from './score';
import { serveCommand } from './serve';
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
  serveCommand,
  demoCommand,
  adminCommand,
  backupCommand,
  restoreCommand,
];
