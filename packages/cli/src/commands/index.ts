import type { Command } from '../io.js';

/** Every `fleet` subcommand, loaded only when it runs (so `fleet validate` never loads the local cloud). */
export const commands: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./demo.js')).demoCommand,
  drift: async () => (await import('./drift.js')).driftCommand,
  history: async () => (await import('./history.js')).historyCommand,
  local: async () => (await import('./local.js')).localCommand,
  pause: async () => (await import('./pause.js')).pauseCommand,
  redrive: async () => (await import('./redrive.js')).redriveCommand,
  resume: async () => (await import('./resume.js')).resumeCommand,
  rollback: async () => (await import('./rollback.js')).rollbackCommand,
  trace: async () => (await import('./trace.js')).traceCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
};
