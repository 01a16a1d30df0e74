import path from 'node:path';
import { ConfigError, getFleetConfig, loadFleetConfig, parseFleetConfig, resetFleetConfig } from '../../src/index.js';

const repoConfig = path.resolve(__dirname, '../../../../fleet.config.yaml');

const minimal = `
version: 1
models:
  churn:
    pipeline: churn-retrain
pipelines:
  churn-retrain:
    guards:
      quietHours:
        - { start: "23:00", end: "05:00", timeZone: Europe/Berlin }
`;

const parse = (text: string, stage = 'dev') => parseFleetConfig(text, { file: 'fleet.config.yaml', stage });

describe('fleet configuration', () => {
  it.each(['dev', 'prod'])('loads the repository configuration for stage %s', (stage) => {
    // Act
    const config = loadFleetConfig({ file: repoConfig, stage });

    // Assess
    expect(config.stage).toBe(stage);
    expect(config.models.churn.pipeline).toBe('churn-retrain');
    expect(config.datasets.churn.contract).toBe('contracts/churn.yaml');
    expect(config.baseDir).toBe(path.dirname(repoConfig));
  });

  it('deep-merges the stage override and keeps the fields it does not name', () => {
    // Act
    const dev = loadFleetConfig({ file: repoConfig, stage: 'dev' });
    const prod = loadFleetConfig({ file: repoConfig, stage: 'prod' });

    // Assess
    expect(dev.pipelines['churn-retrain'].guards.cooldownMinutes).toBe(0);
    expect(prod.pipelines['churn-retrain'].guards.cooldownMinutes).toBe(60);
    expect(dev.pipelines['churn-retrain'].guards.debounceSeconds).toBe(120);
    expect(dev.pipelines['churn-retrain'].guards.criticalTriggers).toEqual(['drift', 'manual']);
  });

  it('applies defaults to a minimal configuration', () => {
    // Act
    const config = parse(minimal);

    // Assess
    expect(config.pipelines['churn-retrain'].guards).toMatchObject({
      cooldownMinutes: 0,
      criticalTriggers: ['manual'],
    });
    expect(config.models.churn.datasets).toEqual([]);
  });

  it('throws naming the model field that references an unknown pipeline', () => {
    // Prepare
    const text = minimal.replace('pipeline: churn-retrain', 'pipeline: churn-retrian');

    // Act
    const parsing = () => parse(text);

    // Assess
    expect(parsing).toThrow(ConfigError);
    expect(parsing).toThrow('fleet.config.yaml: models.churn.pipeline: unknown pipeline "churn-retrian"');
  });

  it('throws naming a dataset the model does not define', () => {
    // Prepare
    const text = minimal.replace('pipeline: churn-retrain', 'pipeline: churn-retrain\n    datasets: [churn]');

    // Act
    const parsing = () => parse(text);

    // Assess
    expect(parsing).toThrow('models.churn.datasets.0: unknown dataset "churn"');
  });

  it('throws naming a quiet-hours time that is not HH:MM', () => {
    // Prepare
    const text = minimal.replace('start: "23:00"', 'start: "24:30"');

    // Act
    const parsing = () => parse(text);

    // Assess
    expect(parsing).toThrow('pipelines.churn-retrain.guards.quietHours.0.start: expected HH:MM (24-hour)');
  });

  it('throws naming a time zone that is not an IANA zone', () => {
    // Prepare
    const text = minimal.replace('timeZone: Europe/Berlin', 'timeZone: Europe/Atlantis');

    // Act
    const parsing = () => parse(text);

    // Assess
    expect(parsing).toThrow('pipelines.churn-retrain.guards.quietHours.0.timeZone: not an IANA time zone');
  });

  it('throws naming an unknown key and where it is', () => {
    // Prepare
    const text = minimal.replace('    guards:', '    guard: {}\n    guards:');

    // Act
    const parsing = () => parse(text);

    // Assess
    expect(parsing).toThrow(/pipelines\.churn-retrain: Unrecognized key: "guard"/);
  });

  it('names the stage when only its override is invalid', () => {
    // Prepare
    const text = `${minimal}\nstages:\n  prod:\n    pipelines:\n      churn-retrain:\n        guards: { cooldownMinutes: soon }\n`;

    // Act
    const dev = () => parse(text, 'dev');
    const prod = () => parse(text, 'prod');

    // Assess
    expect(dev).not.toThrow();
    expect(prod).toThrow(/pipelines\.churn-retrain\.guards\.cooldownMinutes: .*\(stage "prod"\)/);
  });

  it('throws with the file and line for text that is not YAML', () => {
    // Act
    const parsing = () => parse('version: 1\nmodels: [unclosed\n');

    // Assess
    expect(parsing).toThrow(/fleet\.config\.yaml: not valid YAML: .*line/);
  });

  it('throws naming the file when it is missing', () => {
    // Prepare
    const file = path.join(__dirname, 'no-such.config.yaml');

    // Act
    const loading = () => loadFleetConfig({ file, stage: 'dev' });

    // Assess
    expect(loading).toThrow(ConfigError);
    expect(loading).toThrow(`${file}: cannot read configuration: ENOENT`);
  });

  it('loads once per cold start from FLEET_CONFIG_FILE and FLEET_STAGE', () => {
    // Prepare
    resetFleetConfig();
    const env = { FLEET_CONFIG_FILE: repoConfig, FLEET_STAGE: 'prod' };

    // Act
    const first = getFleetConfig(env);
    const second = getFleetConfig({ FLEET_CONFIG_FILE: '/nowhere.yaml' });
    resetFleetConfig();

    // Assess
    expect(first.stage).toBe('prod');
    expect(second).toBe(first);
  });
});
