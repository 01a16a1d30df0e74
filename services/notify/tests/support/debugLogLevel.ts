// Imported first by tests that read the functions' logs: the Powertools logger takes its level
// from the environment when it is created (on the handler modules' import) and returns to it
// at every invocation, so the level must be set before anything creates it.
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
