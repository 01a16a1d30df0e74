// Custom matchers for aws-sdk-client-mock (toHaveReceivedCommandWith, ...).
require('aws-sdk-client-mock-jest');
