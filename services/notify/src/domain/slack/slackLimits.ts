import type { Block, ButtonElement, ConfirmDialog, SlackMessage, TextObject } from './SlackMessage.js';

/**
 * Slack's Block Kit limits (https://api.slack.com/reference/block-kit): a message over any of
 * them is refused (`invalid_blocks`, `msg_too_long`), so every builder stays within them.
 */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** The fallback `text`; Slack truncates at 40,000 characters and advises at most 4,000. */
  fallbackText: 4000,
} as const;

const over = (problems: string[], where: string, text: string | undefined, limit: number): void => {
  if (text !== undefined && text.length > limit) problems.push(`${where}: ${text.length} characters, limit ${limit}`);
};

const empty = (problems: string[], where: string, text: TextObject | undefined): void => {
  if (text !== undefined && text.text.trim().length === 0) problems.push(`${where}: empty text`);
};

const checkConfirm = (problems: string[], where: string, confirm: ConfirmDialog): void => {
  over(problems, `${where}.title`, confirm.title.text, SLACK_LIMITS.confirmTitle);
  over(problems, `${where}.text`, confirm.text.text, SLACK_LIMITS.confirmText);
  over(problems, `${where}.confirm`, confirm.confirm.text, SLACK_LIMITS.confirmButton);
  over(problems, `${where}.deny`, confirm.deny.text, SLACK_LIMITS.confirmButton);
};

const checkButton = (problems: string[], where: string, button: ButtonElement): void => {
  over(problems, `${where}.text`, button.text.text, SLACK_LIMITS.buttonText);
  if (button.text.type !== 'plain_text') problems.push(`${where}.text: must be plain_text`);
  over(problems, `${where}.value`, button.value, SLACK_LIMITS.buttonValue);
  over(problems, `${where}.url`, button.url, SLACK_LIMITS.buttonUrl);
  over(problems, `${where}.action_id`, button.action_id, SLACK_LIMITS.actionId);
  if (button.confirm !== undefined) checkConfirm(problems, `${where}.confirm`, button.confirm);
};

const checkBlock = (problems: string[], block: Block, i: number): void => {
  const where = `blocks[${i}]`;
  over(problems, `${where}.block_id`, block.block_id, SLACK_LIMITS.blockId);
  switch (block.type) {
    case 'header':
      over(problems, `${where}.text`, block.text.text, SLACK_LIMITS.headerText);
      empty(problems, `${where}.text`, block.text);
      if (block.text.type !== 'plain_text') problems.push(`${where}.text: must be plain_text`);
      break;
    case 'section':
      if (block.text === undefined && (block.fields ?? []).length === 0)
        problems.push(`${where}: needs text or fields`);
      over(problems, `${where}.text`, block.text?.text, SLACK_LIMITS.sectionText);
      empty(problems, `${where}.text`, block.text);
      if ((block.fields ?? []).length > SLACK_LIMITS.fields) {
        problems.push(`${where}.fields: ${block.fields?.length} fields, limit ${SLACK_LIMITS.fields}`);
      }
      (block.fields ?? []).forEach((field, j) => {
        over(problems, `${where}.fields[${j}]`, field.text, SLACK_LIMITS.fieldText);
        empty(problems, `${where}.fields[${j}]`, field);
      });
      if (block.accessory !== undefined) checkButton(problems, `${where}.accessory`, block.accessory);
      break;
    case 'context':
      if (block.elements.length === 0 || block.elements.length > SLACK_LIMITS.contextElements) {
        problems.push(`${where}.elements: ${block.elements.length} elements, 1 to ${SLACK_LIMITS.contextElements}`);
      }
      block.elements.forEach((element, j) => {
        over(problems, `${where}.elements[${j}]`, element.text, SLACK_LIMITS.contextText);
        empty(problems, `${where}.elements[${j}]`, element);
      });
      break;
    case 'actions':
      if (block.elements.length === 0 || block.elements.length > SLACK_LIMITS.actionsElements) {
        problems.push(`${where}.elements: ${block.elements.length} elements, 1 to ${SLACK_LIMITS.actionsElements}`);
      }
      block.elements.forEach((element, j) => {
        checkButton(problems, `${where}.elements[${j}]`, element);
      });
      break;
    case 'divider':
      break;
  }
};

/**
 * Lists how a message breaks Slack's limits; empty when Slack would accept it.
 *
 * Builders truncate to stay within the limits; this check is what their tests (and the adapter,
 * before it sends) hold them to.
 */
export const slackLimitProblems = (message: SlackMessage): string[] => {
  const problems: string[] = [];
  if (message.text.trim().length === 0) problems.push('text: empty fallback text');
  over(problems, 'text', message.text, SLACK_LIMITS.fallbackText);
  if (message.blocks.length > SLACK_LIMITS.blocks) {
    problems.push(`blocks: ${message.blocks.length} blocks, limit ${SLACK_LIMITS.blocks}`);
  }
  message.blocks.forEach((block, i) => {
    checkBlock(problems, block, i);
  });
  return problems;
};
