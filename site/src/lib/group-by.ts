/** Items under each key `keysOf` gives them (once per key), in list order; null and undefined keys are skipped. */
export function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly (string | null | undefined)[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      if (key == null) continue;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
