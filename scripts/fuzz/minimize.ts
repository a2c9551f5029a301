/**
 * Shrinks a failing input while it still fails the same way: delta debugging over lines, then over characters, within
 * a time budget (a minimised input is a readable regression fixture; a slow input is kept as found).
 */
export async function minimize(text: string, stillFails: (candidate: string) => Promise<boolean>, budgetMs = 15_000): Promise<string> {
  const deadline = performance.now() + budgetMs;
  const shrink = async (units: string[], join: string): Promise<string[]> => {
    let chunk = Math.max(1, Math.floor(units.length / 2));
    while (chunk >= 1 && performance.now() < deadline) {
      let removed = false;
      for (let i = 0; i < units.length && performance.now() < deadline; ) {
        const candidate = [...units.slice(0, i), ...units.slice(i + chunk)];
        if (candidate.length < units.length && (await stillFails(candidate.join(join)))) {
          units = candidate;
          removed = true;
        } else i += chunk;
      }
      if (!removed) chunk = Math.floor(chunk / 2);
    }
    return units;
  };
  let lines = text.split('\n');
  lines = await shrink(lines, '\n');
  let out = lines.join('\n');
  if (out.length <= 4000) out = (await shrink([...out], '')).join('');
  return out;
}
