/**
 * Regenerates the rules tables in packages/core/src/decision/README.md from the rule data:
 *   npx tsx packages/core/test/decision/update-readme.ts && npx biome format --write packages/core/src/decision/README.md
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RANKING_RULES } from '../../src/decision/ranking-rules';
import { RED_FLAG_RULES } from '../../src/decision/red-flag-rules';
import { rankingTableMarkdown, redFlagTableMarkdown } from '../../src/decision/rules-table';

export const README_PATH = fileURLToPath(new URL('../../src/decision/README.md', import.meta.url));

export function withTables(readme: string): string {
  const put = (text: string, name: string, body: string) =>
    text.replace(
      new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`),
      `<!-- ${name}:start -->\n${body}\n<!-- ${name}:end -->`,
    );
  return put(
    put(readme, 'red-flags', redFlagTableMarkdown(RED_FLAG_RULES)),
    'ranking-rules',
    rankingTableMarkdown(RANKING_RULES),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(README_PATH, withTables(readFileSync(README_PATH, 'utf8')));
}
