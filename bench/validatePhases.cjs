// Preloaded (`node -r`) by bench/validateCli.bench.ts --phases into `fleet validate`: writes a
// timestamp to stderr at each phase boundary, so the benchmark can tell start-up, contract
// loading, validation, output and teardown apart. It only wraps functions; it changes no result.
const fs = require('node:fs');
const Module = require('node:module');

const mark = (phase) => process.stderr.write(`[phase] ${phase} ${performance.timeOrigin + performance.now()}\n`);
mark('preloaded');

const load = Module._load;
Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (/[\\/]\.cache[\\/]fleet[\\/]cli\.cjs$/.test(request)) mark('bundle-loaded');
  return loaded;
};
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (/\.(ya?ml|json)$/.test(String(file)) && !String(file).includes('.cache')) mark('contract-read');
  return readFileSync.call(this, file, ...rest);
};
const openSync = fs.openSync;
fs.openSync = function (file, ...rest) {
  if (String(file).endsWith('.csv')) mark('data-opened');
  return openSync.call(this, file, ...rest);
};
const open = fs.promises.open;
fs.promises.open = function (...args) {
  mark('data-opened');
  return open.apply(this, args);
};
const createReadStream = fs.createReadStream;
fs.createReadStream = function (...args) {
  mark('data-opened');
  return createReadStream.apply(this, args);
};
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (...args) => {
  mark('output');
  return write(...args);
};
process.on('exit', () => mark('exit'));
