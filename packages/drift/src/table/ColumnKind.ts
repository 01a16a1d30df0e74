/** How a column is compared: as numbers or as categories. */
export const ColumnKind = { numeric: 'numeric', categorical: 'categorical' } as const;
export type ColumnKind = (typeof ColumnKind)[keyof typeof ColumnKind];
