export {
  type CatalogEntry,
  type CatalogMiss,
  ContractCatalog,
  isCatalogEntry,
  PROFILES_PREFIX,
} from './ContractCatalog.js';
export { firstIssues, MAX_ISSUE_MESSAGE } from './firstIssues.js';
