import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The package's modules must form no import cycle (type-only imports included, as
// dependency-cruiser counts them): a cycle is how a facade and its parts start to know each other.

const srcDir = path.join(__dirname, '..', 'src');
const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) =>
    path.resolve(path.dirname(file), match[1].replace(/\.js$/, '.ts')),
  );

/** Every cycle reachable in the graph, each as the list of files from its first file back to it. */
const findCycles = (graph: Map<string, string[]>): string[][] => {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (state.get(file) === undefined) visit(file);
  return cycles;
};

describe('the local cloud modules', () => {
  it('finds a planted cycle, so the check below can fail', () => {
    // Prepare
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);

    // Act
    const cycles = findCycles(graph);

    // Assess
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('import each other in no cycle', () => {
    // Prepare
    const files = sourceFiles(srcDir);
    const graph = new Map(files.map((file) => [file, importsOf(file)]));

    // Act
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => path.relative(srcDir, file)));

    // Assess
    expect(files.length).toBeGreaterThan(40);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
    expect(cycles).toEqual([]);
  });
});
