import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Path of a real face photograph for tests: skimage's astronaut.png (public domain), taken from Debian's
 * python3-skimage by scripts/test-faces.sh into node_modules/.cache on first use. The subject faces the
 * camera on an unmirrored photo, so her RIGHT eye is on the image's LEFT.
 */
export function testFacePhoto(): string {
  const dir = join(repoRoot, 'node_modules', '.cache', 'hemispasm-faces');
  const file = join(dir, 'astronaut.png');
  if (!existsSync(file))
    execFileSync('bash', [join(repoRoot, 'scripts', 'test-faces.sh'), dir], { stdio: 'ignore' });
  return file;
}

/** The crop of the astronaut photo (512×512) that frames her head and shoulders in 16:9. */
export const ASTRONAUT_CROP = { x: 95, y: 26, width: 288, height: 162 } as const;
