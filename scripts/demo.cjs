// `npm run demo`: checks the bundled examples and writes marked copies to out/. Problems found in the
// examples are the point of the demo, so only a failure to read a file (exit 2) fails it.
const { main } = require('../dist/cli/main.js');

main(['check', 'examples', '--out', 'out', ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code === 2 ? 2 : 0;
});
