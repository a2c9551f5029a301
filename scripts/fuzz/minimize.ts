/**
 * Shrinks a failing input while it still fails the same way: delta debugging over lines, then over characters, within
 * a time budget (a minimised input is a readable regression fixture; a slow input is kept as found).
 */
export function minimize(text: string, stillFails: (candidate: string) => boolean, budgetMs = 15_000): string {
  const deadline = performance.now() + budgetMs;
  const shrink = (units: string[], join: string): string[] => {
    let chunk = Math.max(1, Math.floor(units.length / 2));
    while (chunk >= 1 && performance.now() < deadline) {
      let removed = false;
      for (let i = 0; i < units.length && performance.now() < deadline; ) {
        const candidate = [...units.slice(0, i), ...units.slice(i + chunk)];
        if (candidate.length < units.length && stillFails(candidate.join(join))) {
          units = candidate;
          removed = true;
        } else i += chunk;
      }
      if (!removed) chunk = Math.floor(chunk / 2);
    }
    return units;
  };
  let lines = text.split('\n');
  lines = shrink(lines, '\n');
  let out = lines.join('\n');
  if (out.length <= 4000) out = shrink([...out], '').join('');
  return out;
}
