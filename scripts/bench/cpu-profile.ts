/**
 * The top of a V8 .cpuprofile as text: where the samples were (self time) and which functions
 * were on the stack (total time), so a profile taken under load can be read without DevTools.
 */
import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const nameOf = ({ callFrame: f }: ProfileNode) => {
  const where = f.url ? `${f.url.replace(/^file:\/\//, "").split(`${path.sep}node_modules${path.sep}`).pop()}:${f.lineNumber + 1}` : "";
  return `${f.functionName || "(anonymous)"} ${where}`.trim();
};

export function summariseProfile(file: string, top = 20): string {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    all += ms;
    if (node.callFrame.functionName === "(idle)") idle += ms;
    self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  const busy = all - idle;
  const list = (map: Map<string, number>, skip: RegExp) =>
    [...map]
      .filter(([name]) => !skip.test(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${name}`)
      .join("\n");
  return [
    `${(all / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy; shares of busy time`,
    "self:",
    list(self, /^\((idle|program)\)/),
    "total (on the stack):",
    list(total, /^\((root|idle|program)\)|^processTicksAndRejections|^\(anonymous\)\s*$/),
  ].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const file of process.argv.slice(2)) console.log(`${file}\n${summariseProfile(file)}`);
}
