import { ConfigError, s3ClientConfig } from '../../src/index.js';

describe('s3ClientConfig', () => {
  it('returns the SDK defaults (no settings) when no variable is set', () => {
    // Prepare
    const env = {};

    // Act
    const config = s3ClientConfig(env);

    // Assess
    expect(config).toEqual({});
  });

  it('reads path style and checksum modes in any case', () => {
    // Prepare
    const env = {
      AWS_S3_FORCE_PATH_STYLE: 'TRUE',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'When_Supported',
    };

    // Act
    const config = s3ClientConfig(env);

    // Assess
    expect(config).toEqual({
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_SUPPORTED',
    });
  });

  it('throws a ConfigError naming a variable it does not understand', () => {
    // Prepare
    const env = { AWS_S3_FORCE_PATH_STYLE: 'yes please' };

    // Act
    const read = () => s3ClientConfig(env);

    // Assess
    expect(read).toThrow(ConfigError);
    expect(read).toThrow('AWS_S3_FORCE_PATH_STYLE must be true or false, got "yes please"');
  });
});
