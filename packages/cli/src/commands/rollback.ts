export { rollbackCommand } from '../operations/rollbackCommand.js';
