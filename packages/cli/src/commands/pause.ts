import type { Command } from '../io.js';
import { pauseCommand as pauseOrResume } from '../operations/pauseCommand.js';

/** `fleet pause <model> [--retraining] [--deployment]`: a model's retraining and/or deployments paused, recorded. */
export const pauseCommand: Command = pauseOrResume('pause');
