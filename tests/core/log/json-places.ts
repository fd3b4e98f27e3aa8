/** Walking a JSON value place by place, for the tests that edit logs one field at a time. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

/** Every place in a value: each key of an object and each item of a list, at any depth (not the root), in a stable order. */
export function placesOf(value: Json): Path[] {
  const out: Path[] = [];
  const stack: { v: Json; path: Path }[] = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: Json; path: Path };
    if (path.length > 0) out.push(path);
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ v: item, path: [...path, i] }));
    else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) stack.push({ v: item, path: [...path, k] });
  }
  return out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
