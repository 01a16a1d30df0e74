import type { DriftCleared, DriftDetected, TopFeatureValue } from '@fleet/shared';
import { actions, context, fallback, fields, header, linkButton, SEVERITY_EMOJI, section } from '../blocks.js';
import type { MessageContext } from '../MessageContext.js';
import type { Block, SlackMessage } from '../SlackMessage.js';
import { escapeMrkdwn, formatNumber, formatTime } from '../text.js';

/** One drifted feature as a line: its test, statistic, threshold and p-value; never a raw value. */
export const featureLine = (feature: TopFeatureValue): string => {
  const p = feature.pValue === undefined ? '' : `, p=${formatNumber(feature.pValue)}`;
  return `• \`${escapeMrkdwn(feature.name)}\` ${escapeMrkdwn(feature.test)} ${formatNumber(feature.statistic)} (threshold ${formatNumber(feature.threshold)}${p})`;
};

const windowText = (window: { start: string; end: string }): string =>
  `${formatTime(window.start)} to ${formatTime(window.end)}`;

const reportBlocks = (ctx: MessageContext, model: string): Block[] =>
  ctx.reportUrl === undefined
    ? []
    : [actions(`drift-report:${model}`, [linkButton('Open report', ctx.reportUrl, 'open_report')])];

/**
 * Drift in a model's inputs: the share of drifted features and the most drifted ones with
 * their statistics (the event carries no raw values, by schema), and the report's fleet link.
 */
export const driftDetectedMessage = (detail: DriftDetected, ctx: MessageContext): SlackMessage => {
  const shown = detail.topFeatures.map(featureLine);
  const others = detail.driftedFeatures.length - detail.topFeatures.length;
  if (others > 0) shown.push(`…and ${others} more drifted feature${others === 1 ? '' : 's'}`);
  return {
    text: fallback(
      `Drift ${detail.severity}: ${detail.model}, ${detail.driftedFeatures.length} features drifted (${formatNumber(detail.driftShare * 100)}%)`,
    ),
    blocks: [
      header(`${SEVERITY_EMOJI[detail.severity]} Drift ${detail.severity}: ${detail.model}`),
      fields([
        ['Model', detail.model],
        ['Window', windowText(detail.window)],
        ['Drifted features', `${detail.driftedFeatures.length} (${formatNumber(detail.driftShare * 100)}%)`],
        ['Pipeline', detail.pipeline],
      ]),
      section(`*Most drifted*\n${shown.length > 0 ? shown.join('\n') : 'no feature statistics reported'}`),
      ...reportBlocks(ctx, detail.model),
      context([`correlation \`${escapeMrkdwn(detail.correlationId)}\``]),
    ],
  };
};

/** A model whose drift cleared: which severity it clears and the window that showed it. */
export const driftClearedMessage = (detail: DriftCleared, ctx: MessageContext): SlackMessage => ({
  text: fallback(`Drift cleared: ${detail.model} (was ${detail.previousSeverity})`),
  blocks: [
    header(`:white_check_mark: Drift cleared: ${detail.model}`),
    fields([
      ['Model', detail.model],
      ['Window', windowText(detail.window)],
      ['Was', detail.previousSeverity],
      ['Drifted features', `${detail.driftedFeatures.length} (${formatNumber(detail.driftShare * 100)}%)`],
    ]),
    ...reportBlocks(ctx, detail.model),
    context([`correlation \`${escapeMrkdwn(detail.correlationId)}\``]),
  ],
});
