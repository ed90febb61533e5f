// A worker thread that runs `drc` in-process for the fuzz test: the sources are compiled on load (tsx), each
// message is one run; the test ends a run that takes too long by terminating the whole thread.
const { parentPort } = require('node:worker_threads');
const path = require('node:path');
require('tsx/cjs/api').register();
const { main } = require(path.join(__dirname, '..', '..', 'src', 'entries', 'cli.ts'));

parentPort.on('message', async ({ id, args }) => {
  let out = '';
  let err = '';
  const io = {
    out: { write: (s) => ((out += s), true) },
    err: { write: (s) => ((err += s), true) },
  };
  try {
    const code = await main(args, io);
    parentPort.postMessage({ id, code, out, err });
  } catch (e) {
    parentPort.postMessage({ id, code: -1, out, err: `${err}\nTHROWN ${e && e.stack ? e.stack : e}` });
  }
});
parentPort.postMessage({ ready: true });
