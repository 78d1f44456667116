// Container health check for the worker processes (relay, projector), which serve no HTTP:
//   node infra/process-alive.js relay
// exits 0 when another process in the container runs a script under apps/<name>/, 1 otherwise.
const fs = require('node:fs');

const name = process.argv[2];
if (!name) {
  console.error('usage: node infra/process-alive.js <app>');
  process.exit(2);
}
const needle = `apps/${name}/`;
const alive = fs
  .readdirSync('/proc')
  .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
  .some((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
    } catch {
      return false; // the process ended while we looked
    }
  });
process.exit(alive ? 0 : 1);
