import { decodeS3Key, ValidationError } from '../../src/index.js';

describe('decodeS3Key', () => {
  it.each([
    ['red+flower.jpg', 'red flower.jpg'],
    ['raw/churn/c%2B%2B+notes.csv', 'raw/churn/c++ notes.csv'],
    ['raw/churn/2024-05-01T10%3A47%3A07.csv', 'raw/churn/2024-05-01T10:47:07.csv'],
    ['raw/churn/donn%C3%A9es+%E2%82%AC.csv', 'raw/churn/données €.csv'],
    ['raw/churn/plain.csv', 'raw/churn/plain.csv'],
  ])('decodes %s to %s', (encoded, key) => {
    // Act
    const decoded = decodeS3Key(encoded);

    // Assess
    expect(decoded).toBe(key);
  });

  it('throws ValidationError naming the key field for a malformed escape', () => {
    // Act
    const decoding = () => decodeS3Key('raw/churn/100%.csv');

    // Assess
    expect(decoding).toThrow(ValidationError);
    expect(decoding).toThrow('detail.object.key: malformed URL encoding');
  });
});
