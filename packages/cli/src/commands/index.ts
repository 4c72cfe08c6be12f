import type { CommandModule } from '../command';
import { adminCommand } from './admin';
import { analyzeCommand } from './analyze';
import { backupCommand, restoreCommand } from './backup';
import { demoCommand } from './demo';
import { instrumentsCommand } from './instruments';
import { movementCommand } from './movement';
import { recommendCommand } from './recommend';
import { scoreCommand } from './score';
import { serveCommand } from './serve';
import { signalsCommand } from './signals';

export type { CommandModule } from '../command';

export const commands: CommandModule[] = [
  recommendCommand,
  instrumentsCommand,
  scoreCommand,
  signalsCommand,
  analyzeCommand,
  movementCommand,
  serveCommand,
  demoCommand,
  adminCommand,
  backupCommand,
  restoreCommand,
];
