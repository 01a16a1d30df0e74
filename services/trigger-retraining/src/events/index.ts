export { DebounceFireEvent } from './DebounceFireEvent.js';
export { ManualStart } from './ManualStart.js';
export { ScheduleInput } from './ScheduleInput.js';
