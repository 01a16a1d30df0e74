import { type CapturedPayload, isJsonPayload, PayloadError, payloadText } from './decodePayload.js';
import { splitCsvLine } from './splitCsvLine.js';

/**
 * One prediction of a captured request: the inputs in `inputColumns` order and the model's output.
 *
 * A one-line CSV request keeps its line whole (`inputs` is the line, `fields` its field count):
 * most records of a window are never sampled, and splitting only the sampled ones saves the
 * split and most of the memory of a million rows.
 */
export type CapturedRow = { inputs: string[] | string; fields: number; output: string };

/** The fields of a row kept whole, split when it is used. */
export const rowCells = (inputs: string[] | string): string[] =>
  typeof inputs === 'string' ? splitCsvLine(inputs) : inputs;

/** Fields of a CSV line without quotes: commas plus one. */
const countFields = (line: string): number => {
  let n = 1;
  for (let i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) n++;
  return n;
};

/** The first field of a one-line CSV response, trimmed (the score; any further fields are ignored). */
const firstField = (text: string): string =>
  text.includes(',') || text.includes('"') ? splitCsvLine(text)[0].trim() : text;

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') throw new PayloadError('a nested value where a feature was expected');
  return String(value);
};

/** The instances of a JSON request: an array of rows, `{ instances: [...] }`, or one row. */
const jsonInstances = (parsed: unknown): unknown[] => {
  if (Array.isArray(parsed)) return parsed.length > 0 && typeof parsed[0] === 'object' ? parsed : [parsed];
  if (typeof parsed === 'object' && parsed !== null) {
    const body = parsed as Record<string, unknown>;
    if (Array.isArray(body.instances)) return body.instances;
    if (Array.isArray(body.features)) return [body.features];
  }
  return [parsed];
};

const jsonRow = (instance: unknown, columns: readonly string[]): string[] => {
  if (Array.isArray(instance)) return instance.map(cell);
  if (typeof instance === 'object' && instance !== null) {
    const row = instance as Record<string, unknown>;
    if (Array.isArray(row.features)) return row.features.map(cell);
    return columns.map((name) => cell(row[name]));
  }
  throw new PayloadError('a JSON request that is neither an array nor an object');
};

const scoreOf = (value: unknown): string => {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '' : scoreOf(value[0]);
  if (typeof value === 'object' && value !== null) {
    const body = value as Record<string, unknown>;
    for (const name of ['score', 'probability', 'prediction', 'predicted_label', 'label']) {
      if (body[name] !== undefined) return scoreOf(body[name]);
    }
  }
  throw new PayloadError('a JSON response without a score, probability, prediction or label');
};

const jsonOutputs = (parsed: unknown): unknown[] => {
  if (Array.isArray(parsed)) return parsed;
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    Array.isArray((parsed as { predictions?: unknown }).predictions)
  ) {
    return (parsed as { predictions: unknown[] }).predictions;
  }
  return [parsed];
};

const lines = (text: string): string[] =>
  // One row per request is the common case: no split, no filter.
  text.includes('\n') ? text.split(/\r?\n/).filter((line) => line.trim() !== '') : text.trim() === '' ? [] : [text];

const parseJson = (text: string, side: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadError(`the ${side} is not valid JSON`);
  }
};

/**
 * The predictions of one captured request: its input rows mapped to `columns`, each paired with
 * the model's output.
 *
 * CSV requests hold one row per line (no header, in `columns` order), their responses one
 * output per line; JSON requests are a row (an array in `columns` order, or an object keyed by
 * column), an array of rows or `{ instances: [...] }`, their responses a number, an object with
 * a score or label, or a list of those. A row with another number of fields than `columns` is
 * still returned (the caller counts missing and extra columns); requests and responses with a
 * different number of rows are an error.
 *
 * @throws PayloadError naming what could not be read
 */
export const readCapturedRows = (
  input: CapturedPayload,
  output: CapturedPayload | undefined,
  columns: readonly string[],
): CapturedRow[] => {
  const inputText = payloadText(input);
  if (!isJsonPayload(input) && !inputText.includes('\n') && !inputText.includes('"') && inputText.trim() !== '') {
    const outputText = output === undefined ? '' : payloadText(output);
    if (output === undefined || (!isJsonPayload(output) && !outputText.trim().includes('\n'))) {
      const line = inputText.trimEnd();
      return [{ inputs: line, fields: countFields(line), output: firstField(outputText.trim()) }];
    }
  }
  const inputs = isJsonPayload(input)
    ? jsonInstances(parseJson(inputText, 'request')).map((instance) => jsonRow(instance, columns))
    : lines(inputText).map(splitCsvLine);
  if (inputs.length === 0) throw new PayloadError('an empty request');
  let outputs: string[];
  if (output === undefined) outputs = inputs.map(() => '');
  else {
    const outputText = payloadText(output);
    outputs = isJsonPayload(output)
      ? jsonOutputs(parseJson(outputText, 'response')).map(scoreOf)
      : lines(outputText).map((line) => splitCsvLine(line)[0]);
  }
  if (outputs.length !== inputs.length) {
    throw new PayloadError(`${inputs.length} request rows but ${outputs.length} response rows`);
  }
  return inputs.map((row, i) => ({ inputs: row, fields: row.length, output: outputs[i].trim() }));
};
