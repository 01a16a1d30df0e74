import { DriftInputError, parseCsvTable } from '../src/index.js';

describe('parseCsvTable', () => {
  it('returns the header, the rows and the line of each row', () => {
    // Prepare
    const text = 'a,b\n1,x\n\n2,"y, z"\n';

    // Act
    const table = parseCsvTable(text, { source: 'data.csv' });

    // Assess
    expect(table).toEqual({
      source: 'data.csv',
      header: ['a', 'b'],
      rows: [
        ['1', 'x'],
        ['2', 'y, z'],
      ],
      lines: [2, 4],
    });
  });

  it('uses the given delimiter and drops a byte order mark', () => {
    // Prepare
    const text = '\ufeffa;b\n1;2\n';

    // Act
    const table = parseCsvTable(text, { source: 'data.csv', delimiter: ';' });

    // Assess
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([['1', '2']]);
  });

  it('throws naming the file and line when a record has the wrong length', () => {
    // Prepare
    const text = 'a,b\n1,2\n3\n';

    // Act
    const act = () => parseCsvTable(text, { source: 'data.csv' });

    // Assess
    expect(act).toThrow(DriftInputError);
    expect(act).toThrow(/^data\.csv:3: not valid CSV/);
  });

  it('throws when the file is empty', () => {
    // Act
    const act = () => parseCsvTable('', { source: 'empty.csv' });

    // Assess
    expect(act).toThrow('empty.csv: empty file, expected a header row');
  });

  it('throws when a column name appears twice', () => {
    // Act
    const act = () => parseCsvTable('a,b,a\n1,2,3\n', { source: 'dup.csv' });

    // Assess
    expect(act).toThrow('dup.csv:1: column "a" appears twice');
  });
});
