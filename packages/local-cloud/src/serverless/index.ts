export { cloudFormationTags } from './cloudFormationTags.js';
export type {
  EventRule,
  FunctionTarget,
  InputTransformer,
  ScheduleRule,
  SkippedEvent,
  SourceLocation,
  TargetInput,
} from './LocalRule.js';
export { type CoreExports, loadCoreExports } from './loadCoreExports.js';
export {
  type LoadedServerlessRules,
  type LoadServerlessRulesOptions,
  loadServerlessRules,
} from './loadServerlessRules.js';
export { type ParsedServerlessYaml, parseServerlessYaml } from './parseServerlessYaml.js';
export { type IntrinsicContext, resolveIntrinsic } from './resolveIntrinsic.js';
export { resolveServerlessVariables, type VariableContext } from './resolveServerlessVariables.js';
export { ServerlessConfigError } from './ServerlessConfigError.js';
export { type StackContext, stackReferences } from './stackReferences.js';
