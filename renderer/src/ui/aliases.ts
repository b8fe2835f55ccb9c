/** Aliases typed in one field, separated the way office staff write lists: 、，, ; or new lines. */
export function splitAliases(text: string): string[] {
  return text
    .split(/[、，,;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
