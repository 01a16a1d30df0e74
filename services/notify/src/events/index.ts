export { DigestFireEvent } from './DigestFireEvent.js';
export { FleetEventOfAnyType } from './FleetEventOfAnyType.js';
