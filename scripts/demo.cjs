// `npm run demo`: checks the bundled examples and writes marked copies to out/, then reviews the example inbox of
// examples/review/ as the county office would (out/汇总审核.xlsx and a 退回意见 note per unit in out/退回意见/).
// Problems found in the examples are the point of the demo, so only a failure to read (exit 2) fails it.
const { main } = require('../dist/entries/cli.js');

(async () => {
  const args = process.argv.slice(2);
  const check = await main(['check', 'examples', '--out', 'out', ...args]);
  process.stdout.write('\n');
  const review = await main([
    'review',
    'examples/review',
    '--out',
    'out/汇总审核.xlsx',
    '--notes',
    'out/退回意见',
    ...args.filter((a, i) => a.startsWith('--lang') || args[i - 1] === '--lang'),
  ]);
  process.exitCode = check === 2 || review === 2 ? 2 : 0;
})();
