import { PayloadError } from '../../../src/domain/decodePayload.js';
import { parseCaptureLine } from '../../../src/domain/parseCaptureLine.js';
import { parseGroundTruthLine } from '../../../src/domain/parseGroundTruthLine.js';
import { readCapturedRows, rowCells } from '../../../src/domain/readCapturedRows.js';
import { captureLine, groundTruthLine } from '../../support/captureFiles.js';

const columns = ['tenure_months', 'contract', 'monthly_charges'];
const rowsOf = (line: string) => {
  const record = parseCaptureLine(line);
  return readCapturedRows(record.input, record.output, columns).map((row) => ({
    inputs: rowCells(row.inputs),
    output: row.output,
  }));
};
const at = '2026-03-01T10:00:00.000Z';

describe('reading Data Capture records', () => {
  it('reads a CSV request and its score', () => {
    // Act
    const rows = rowsOf(
      captureLine({ input: '12,"One year, paper",50.5', output: '0.73', inferenceTime: at, eventId: 'e1' }),
    );

    // Assess
    expect(rows).toEqual([{ inputs: ['12', 'One year, paper', '50.5'], output: '0.73' }]);
  });

  it('reads a BASE64 payload the endpoint did not declare as CSV or JSON', () => {
    // Act
    const rows = rowsOf(
      captureLine({ input: '3,Two year,20', output: '0.1', inferenceTime: at, eventId: 'e1', encoding: 'BASE64' }),
    );

    // Assess
    expect(rows).toEqual([{ inputs: ['3', 'Two year', '20'], output: '0.1' }]);
  });

  it('reads JSON requests keyed by column, as arrays and as instances, and JSON responses', () => {
    // Act
    const keyed = rowsOf(
      captureLine({
        input: JSON.stringify({ contract: 'Two year', monthly_charges: 20, tenure_months: 3 }),
        output: JSON.stringify({ score: 0.4 }),
        inferenceTime: at,
        eventId: 'e1',
        encoding: 'JSON',
      }),
    );
    const batch = rowsOf(
      captureLine({
        input: JSON.stringify({
          instances: [
            [1, 'One year', 9],
            [2, 'Two year', 8],
          ],
        }),
        output: JSON.stringify({ predictions: [{ score: 0.1 }, { score: 0.9 }] }),
        inferenceTime: at,
        eventId: 'e2',
        encoding: 'JSON',
      }),
    );

    // Assess
    expect(keyed).toEqual([{ inputs: ['3', 'Two year', '20'], output: '0.4' }]);
    expect(batch).toEqual([
      { inputs: ['1', 'One year', '9'], output: '0.1' },
      { inputs: ['2', 'Two year', '8'], output: '0.9' },
    ]);
  });

  it('keeps a one-line CSV request whole with its field count, and splits it the same way later', () => {
    // Prepare
    const record = parseCaptureLine(
      captureLine({ input: '1,a,2,9', output: '0.3\n', inferenceTime: at, eventId: 'e1' }),
    );

    // Act
    const [row] = readCapturedRows(record.input, record.output, columns);

    // Assess
    expect(row).toEqual({ inputs: '1,a,2,9', fields: 4, output: '0.3' });
    expect(rowCells(row.inputs)).toEqual(['1', 'a', '2', '9']);
  });

  it('reads a multi-line CSV request with one output per line', () => {
    // Act
    const rows = rowsOf(captureLine({ input: '1,a,2\n3,b,4', output: '0.2\n0.9', inferenceTime: at, eventId: 'e1' }));

    // Assess
    expect(rows.map((r) => r.output)).toEqual(['0.2', '0.9']);
  });

  it.each([
    ['not JSON', '{"captureData":', 'not valid JSON'],
    [
      'without a request',
      JSON.stringify({ captureData: {}, eventMetadata: { inferenceTime: at } }),
      'no captureData.endpointInput',
    ],
    [
      'without a time',
      JSON.stringify({ captureData: { endpointInput: { data: '1', encoding: 'CSV' } }, eventMetadata: {} }),
      'no eventMetadata.inferenceTime',
    ],
  ])('throws a PayloadError for a line %s', (_what, line, reason) => {
    // Act / Assess
    expect(() => parseCaptureLine(line)).toThrow(new PayloadError(reason));
  });

  it('throws a PayloadError when request and response rows differ in number', () => {
    // Act / Assess
    expect(() =>
      rowsOf(captureLine({ input: '1,a,2\n3,b,4', output: '0.2', inferenceTime: at, eventId: 'e1' })),
    ).toThrow(PayloadError);
  });

  it('reads a ground-truth label in the merge format', () => {
    // Act / Assess
    expect(parseGroundTruthLine(groundTruthLine('inf-7', '1'))).toEqual({ eventId: 'inf-7', label: '1' });
    expect(() => parseGroundTruthLine('{"groundTruthData":{"data":"1"}}')).toThrow(PayloadError);
  });
});
