/**
 * dependency-cruiser rules for the fleet's layering (`pnpm depcruise`, run by `.ci/run`).
 *
 * Why these rules: every service follows one template (docs/architecture.md), in which
 * `src/domain/` holds pure rules (no I/O, no SDK, no wire formats), shared packages serve the
 * services and never the reverse, services talk through events and never import each other, and
 * no module depends on itself through others.
 *
 * Why the resolution options: with dependency-cruiser's defaults, `exports` in package.json is
 * ignored, so `@fleet/shared/contract` and the other workspace subpaths do not resolve, and a
 * rule about where an import lands then passes without looking. Here `exports` is read (the
 * workspace packages export their TypeScript sources), symlinks are followed to the workspace
 * folders, and TypeScript's `./x.js` specifiers resolve to `./x.ts`. `not-to-unresolvable` is an
 * error, so resolution cannot silently fail again. infra/tests/dependencyRules.test.ts runs these
 * rules on infra/depcruise-fixtures (one fixture per rule, each must fail) and on the real tree.
 *
 * Paths are relative to the folder the cruise runs from (the repository root, or a fixture's
 * root in the tests).
 */

/** The AWS SDK v3 as it lands on disk (pnpm's store included): the clients and their Smithy runtime. */
const awsSdk = '(^|/)node_modules/(@aws-sdk|@smithy)/|(^|/)node_modules/aws-sdk/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-not-to-adapters',
      severity: 'error',
      comment: "A service's domain holds pure rules; the AWS implementations of its ports live in adapters/.",
      from: { path: '^services/[^/]+/src/domain/' },
      to: { path: '^services/[^/]+/src/adapters/' },
    },
    {
      name: 'domain-not-to-handlers',
      severity: 'error',
      comment: "A service's domain knows nothing of the Lambda entry points that call it.",
      from: { path: '^services/[^/]+/src/domain/' },
      to: { path: '^services/[^/]+/src/handlers/' },
    },
    {
      name: 'domain-not-to-aws-sdk',
      severity: 'error',
      comment: "A service's domain does no I/O: the AWS SDK belongs in adapters/.",
      from: { path: '^services/[^/]+/src/domain/' },
      to: { path: awsSdk },
    },
    {
      name: 'packages-not-to-services',
      severity: 'error',
      comment: 'Shared packages serve the services; a package that imports a service turns a Lambda into a library.',
      from: { path: '^packages/' },
      to: { path: '^services/' },
    },
    {
      name: 'no-cross-service',
      severity: 'error',
      comment: 'Services talk through events; what two services share belongs in a package.',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/[^/]+/', pathNot: '^services/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module that depends on itself through others cannot be understood, tested or loaded alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve could hide a broken rule: every import must land on a file.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Imports of npm packages stay in the graph (the SDK rule needs them) but are not cruised.
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: {
      path: ['(^|/)\\.(serverless|esbuild|fleet|tmp)/', '(^|/)coverage/', '^infra/depcruise-fixtures/'].join('|'),
    },
    // Type-only imports count: a domain that imports an adapter's type still depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['types', 'typings', 'module', 'main'],
      extensions: ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
