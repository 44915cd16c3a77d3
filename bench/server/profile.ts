// Reads a V8 CPU profile (`node --cpu-prof`, or the inspector's Profiler) and tells where the
// time went: by package, and the functions with the most self and total time.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { figure, table } from './support';

const callFrameSchema = z.object({
  functionName: z.string(),
  url: z.string(),
  lineNumber: z.number(),
});

export const cpuProfileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: callFrameSchema,
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
  startTime: z.number(),
  endTime: z.number(),
});
export type CpuProfile = z.infer<typeof cpuProfileSchema>;

export async function readCpuProfile(path: string): Promise<CpuProfile> {
  const text = await readFile(path, 'utf8');
  return cpuProfileSchema.parse(JSON.parse(text));
}

/** Where a frame's code lives: a package, Node itself, or the app (the server bundle, server/). */
function packageOf(url: string, functionName: string): string {
  if (url === '') {
    return functionName.startsWith('(') ? functionName : 'V8 / native';
  }
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1] !== undefined) return modules[1];
  if (url.startsWith('node:')) return 'Node.js';
  return 'Intyga';
}

function frameLabel(frame: z.infer<typeof callFrameSchema>): string {
  const file = frame.url.replace(/^.*\/(node_modules\/)?/, '');
  const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
  return file === '' ? name : `${name} ${file}:${String(frame.lineNumber + 1)}`;
}

/** Tables of the profile: time by package, and the top functions by self and by total time. */
export function summarizeProfile(profile: CpuProfile, top = 20): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // The profiler's own work (stopping it through node:inspector) is not the server's.
  const profilerOwn = new Map<number, boolean>();
  const isProfilerOwn = (id: number): boolean => {
    const known = profilerOwn.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const own = node?.callFrame.url === 'node:inspector' || (up !== undefined && isProfilerOwn(up));
    profilerOwn.set(id, own);
    return own;
  };
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    if (isProfilerOwn(id)) return;
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    selfMs.set(id, (selfMs.get(id) ?? 0) + delta);
  });
  const totalMs = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);
  const idle = [...selfMs]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)')
    .reduce((sum, [, ms]) => sum + ms, 0);
  const busy = totalMs - idle;

  const bySelf = new Map<string, number>();
  const byTotal = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (node === undefined) continue;
    const { callFrame } = node;
    const label = frameLabel(callFrame);
    bySelf.set(label, (bySelf.get(label) ?? 0) + ms);
    const pkg = packageOf(callFrame.url, callFrame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    // Total time: each function once per sample, however often it is on the stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame === undefined) break;
      const name = frameLabel(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      byTotal.set(name, (byTotal.get(name) ?? 0) + ms);
    }
  }
  const share = (ms: number) => `${figure((100 * ms) / Math.max(1, busy), 1)} %`;
  const rows = (entries: Map<string, number>, skip: (label: string) => boolean) =>
    [...entries]
      .filter(([label]) => !skip(label))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([label, ms]) => [label, figure(ms), share(ms)]);
  const generic = (label: string) =>
    /^\((root|program|idle|garbage collector)\)/.test(label) ||
    /^(processTicksAndRejections|runMicrotasks|listOnTimeout|processTimers) /.test(label);
  return [
    `Profile: ${figure((profile.endTime - profile.startTime) / 1000)} ms wall, ${figure(busy)} ms busy (not idle).`,
    '',
    'By package (self time):',
    table(
      ['package', 'ms', 'of busy'],
      rows(byPackage, (label) => label === '(idle)'),
    ),
    '',
    `Top ${String(top)} functions by self time:`,
    table(
      ['function', 'ms', 'of busy'],
      rows(bySelf, (label) => label.startsWith('(idle)')),
    ),
    '',
    `Top ${String(top)} functions by total time (self and callees):`,
    table(['function', 'ms', 'of busy'], rows(byTotal, generic)),
  ].join('\n');
}
