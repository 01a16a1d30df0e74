import { consoleEmfSink } from '../../../src/adapters/consoleEmfSink';

const document = { _aws: { Timestamp: 0, CloudWatchMetrics: [] }, Endpoint: 'churn' };

describe('consoleEmfSink', () => {
  it('writes each document as one JSON line', () => {
    // Prepare
    const lines: string[] = [];

    // Act
    consoleEmfSink({ write: (line) => lines.push(line) }).write(document);

    // Assess
    expect(lines).toEqual([JSON.stringify(document)]);
  });

  it('writes nothing when metrics are switched off', () => {
    // Prepare
    const lines: string[] = [];

    // Act
    consoleEmfSink({ write: (line) => lines.push(line), enabled: false }).write(document);

    // Assess
    expect(lines).toEqual([]);
  });
});
