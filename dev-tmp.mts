import { readFile, writeFile } from "node:fs/promises";
import { startDevServer } from "./src/cli/dev-server.ts";
const t0 = performance.now();
const server = await startDevServer("/tmp/perf/c10000", "/tmp/perf/dev-out", { timeoutMs: 600000 });
console.log("started", ((performance.now() - t0) / 1000).toFixed(1));
console.log(server.output().split("\n").slice(-5).join("\n"));
await new Promise((r) => setTimeout(r, 1000));
const file = "/tmp/perf/c10000/projekt/projekt-5000.md";
const original = await readFile(file, "utf8");
for (let i = 1; i <= 2; i++) {
  const t = performance.now();
  await writeFile(file, original.replace(/^title:.*$/m, `title: "Ändrad ${i}"`));
  while (!(await readFile("/tmp/perf/dev-out/projekt/projekt-5000/index.html", "utf8")).includes(`Ändrad ${i}`)) await new Promise((r) => setTimeout(r, 5));
  console.log("edit", i, ((performance.now() - t) / 1000).toFixed(2));
  await new Promise((r) => setTimeout(r, 3000));
}
await writeFile(file, original);
await new Promise((r) => setTimeout(r, 5000));
console.log(server.output().split("\n").filter((l) => /Wrote|error|Error|Watching|Server/i.test(l)).join("\n"));
await server.stop();
