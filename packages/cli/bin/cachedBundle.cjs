// A bundle of one `fleet` entry point, cached under node_modules/.cache/fleet and rebuilt when
// any file that went into it changes, so that commands which need no TypeScript loader at run
// time start in a fraction of the time tsx takes to compile the sources on every run.
// Everything here is best effort: any failure returns null and the caller falls back to tsx.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');

/** Files whose change can alter how sources resolve, besides the sources themselves. */
const resolutionFiles = () => {
  const files = [__filename, path.join(root, 'package.json'), path.join(root, 'pnpm-lock.yaml')];
  for (const group of ['packages', 'services']) {
    let names = [];
    try {
      names = fs.readdirSync(path.join(root, group));
    } catch {
      continue;
    }
    for (const name of names) files.push(path.join(root, group, name, 'package.json'));
  }
  return files;
};

/** Size and modification time of a file or directory, or null when it is missing. */
const stamp = (file) => {
  try {
    const stats = fs.statSync(file);
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return null;
  }
};

/**
 * Whether the manifest still describes the sources: every input, the directory of every input
 * (a file added or removed there may change what an import resolves to) and the resolution files.
 */
const isFresh = (manifestFile, bundleFile) => {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    return false;
  }
  if (manifest.bundle !== stamp(bundleFile)) return false;
  for (const [file, recorded] of Object.entries(manifest.stamps)) if (stamp(file) !== recorded) return false;
  return true;
};

const build = (entry, bundleFile, manifestFile, external) => {
  const esbuild = require('esbuild');
  const startedAt = Date.now();
  const started = Object.fromEntries(resolutionFiles().map((file) => [file, stamp(file)]));
  const result = esbuild.buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    mainFields: ['module', 'main'],
    outfile: bundleFile,
    write: false,
    metafile: true,
    logLevel: 'silent',
    // @datadog/sketches-js requires protobufjs only for its protobuf encoding, which the fleet
    // never uses, and protobufjs is not installed (as in serverless.common.yml).
    external: ['protobufjs/minimal', ...external.map((file) => path.resolve(root, file))],
  });
  const stamps = { ...started };
  // A file changed while the build read it gets no valid stamp, so the next run rebuilds.
  const settled = (file) => {
    try {
      return fs.statSync(file).mtimeMs < startedAt - 1 ? stamp(file) : 'changed during the build';
    } catch {
      return null;
    }
  };
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(root, input);
    stamps[file] = settled(file);
    stamps[path.dirname(file)] = settled(path.dirname(file));
  }
  fs.mkdirSync(path.dirname(bundleFile), { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  fs.writeFileSync(bundleFile + suffix, result.outputFiles[0].contents);
  fs.renameSync(bundleFile + suffix, bundleFile);
  fs.writeFileSync(manifestFile + suffix, JSON.stringify({ bundle: stamp(bundleFile), stamps }));
  fs.renameSync(manifestFile + suffix, manifestFile);
};

/**
 * The path of an up-to-date bundle of `entry` (relative to the repository root), or null.
 *
 * `external` lists source files (relative to the root) left out of the bundle: importing them
 * from the bundle fails, so the caller must never run the code that does.
 */
const cachedBundle = (name, entry, external = []) => {
  const cacheDir = path.join(root, 'node_modules', '.cache', 'fleet');
  const bundleFile = path.join(cacheDir, `${name}.cjs`);
  const manifestFile = path.join(cacheDir, `${name}.json`);
  try {
    if (!isFresh(manifestFile, bundleFile)) build(entry, bundleFile, manifestFile, external);
    return bundleFile;
  } catch {
    return null;
  }
};

module.exports = { cachedBundle };
