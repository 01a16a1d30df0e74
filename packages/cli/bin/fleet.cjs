#!/usr/bin/env node
// The `fleet` command runs the TypeScript sources through tsx; no build step is needed.
require('tsx/cjs');
require('../src/main.ts');
