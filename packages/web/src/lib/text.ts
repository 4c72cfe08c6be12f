/** A free-text list as people type it ("a, b; c" or one per line) → its trimmed, non-empty items. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}
