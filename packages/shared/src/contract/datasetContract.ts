import * as z from 'zod';

/** The column types a contract can declare. */
export const ColumnType = z.enum(['integer', 'number', 'string', 'boolean', 'category', 'timestamp']);

const validRegex = (source: string) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

/** One column of a dataset contract. */
export const ColumnSpec = z
  .strictObject({
    type: ColumnType,
    nullable: z.boolean().default(false),
    min: z.union([z.number(), z.string()]).optional(),
    max: z.union([z.number(), z.string()]).optional(),
    values: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .min(1)
      .optional(),
    pattern: z.string().refine(validRegex, 'not a valid ECMAScript regular expression').optional(),
    unique: z.boolean().default(false),
    maxNullFraction: z.number().min(0).max(1).optional(),
    /** Drift: a drift in this feature alone marks the dataset drifted. */
    critical: z.boolean().optional(),
    description: z.string().optional(),
  })
  .superRefine((col, ctx) => {
    for (const bound of ['min', 'max'] as const) {
      const value = col[bound];
      if (value === undefined) continue;
      const numeric = col.type === 'integer' || col.type === 'number';
      if (numeric && typeof value !== 'number') {
        ctx.addIssue({ code: 'custom', path: [bound], message: `must be a number for a ${col.type} column` });
      } else if (col.type === 'timestamp' && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
        ctx.addIssue({ code: 'custom', path: [bound], message: 'must be an RFC 3339 date or date-time' });
      } else if (!numeric && col.type !== 'timestamp') {
        ctx.addIssue({ code: 'custom', path: [bound], message: `is not allowed on a ${col.type} column` });
      }
    }
    if (typeof col.min === 'number' && typeof col.max === 'number' && col.min > col.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `min (${col.min}) is greater than max (${col.max})` });
    }
  });

const Bounds = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

/**
 * A dataset contract: what a file landing under `match` must look like.
 *
 * The shape is the public interface of `contracts/*.yaml`; extend it, never change it.
 */
export const DatasetContract = z
  .strictObject({
    dataset: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'letters, digits, ".", "_" or "-", at most 128'),
    match: z.string().min(1),
    description: z.string().optional(),
    format: z
      .strictObject({
        type: z.literal('csv').default('csv'),
        delimiter: z.string().length(1, 'must be one character').default(','),
        header: z.literal(true).default(true),
        encoding: z.enum(['utf-8', 'utf8']).default('utf-8'),
      })
      .default({ type: 'csv', delimiter: ',', header: true, encoding: 'utf-8' }),
    columns: z.record(z.string().min(1), ColumnSpec).refine((c) => Object.keys(c).length > 0, 'at least one column'),
    extraColumns: z.enum(['reject', 'allow']).default('reject'),
    ordered: z.boolean().default(false),
    nullValues: z.array(z.string()).default(['']),
    rows: Bounds.optional(),
    target: z
      .strictObject({
        column: z.string().min(1),
        positiveRate: Bounds.optional(),
        minClassShare: z.number().min(0).max(1).optional(),
      })
      .optional(),
    limits: z
      .strictObject({
        maxFieldBytes: z
          .number()
          .int()
          .positive()
          .default(1024 * 1024),
        maxIssuesPerCode: z.number().int().positive().default(20),
      })
      .default({ maxFieldBytes: 1024 * 1024, maxIssuesPerCode: 20 }),
  })
  .superRefine((contract, ctx) => {
    if (contract.target && !(contract.target.column in contract.columns)) {
      ctx.addIssue({
        code: 'custom',
        path: ['target', 'column'],
        message: `"${contract.target.column}" is not a column of the contract`,
      });
    }
  });

export type DatasetContractInput = z.input<typeof DatasetContract>;
export type DatasetContract = z.output<typeof DatasetContract>;
export type ColumnSpec = z.output<typeof ColumnSpec>;
export type ColumnType = z.output<typeof ColumnType>;
