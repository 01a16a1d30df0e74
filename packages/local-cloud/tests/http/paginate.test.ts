import { AwsServiceError } from '../../src/http/AwsServiceError.js';
import { paginate } from '../../src/http/paginate.js';

const letters = ['a', 'b', 'c', 'd', 'e'];

describe('paginate', () => {
  it('returns the first page and a token that leads through the rest', () => {
    // Prepare
    const first = paginate(letters, { MaxResults: 2 }, 100);

    // Act
    const second = paginate(letters, { MaxResults: 2, NextToken: first.nextToken }, 100);
    const third = paginate(letters, { MaxResults: 2, NextToken: second.nextToken }, 100);

    // Assess
    expect([first.items, second.items, third.items]).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(third.nextToken).toBeUndefined();
  });

  it('uses the default page size when MaxResults is absent', () => {
    // Act
    const page = paginate(letters, {}, 3);

    // Assess
    expect(page.items).toEqual(['a', 'b', 'c']);
    expect(page.nextToken).toBeDefined();
  });

  it('throws ValidationException with status 400 for a token it did not issue', () => {
    // Act
    const attempt = () => paginate(letters, { NextToken: 'not-a-token' }, 3, 'Invalid pagination token');

    // Assess
    expect(attempt).toThrow(AwsServiceError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'ValidationException', statusCode: 400 }));
  });
});
