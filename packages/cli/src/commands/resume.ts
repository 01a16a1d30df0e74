import type { Command } from '../io.js';
import { pauseCommand } from '../operations/pauseCommand.js';

/** `fleet resume <model> [--retraining] [--deployment]`: a model's retraining and/or deployments resumed, recorded. */
export const resumeCommand: Command = pauseCommand('resume');
