import { isPlainObject } from '../isPlainObject.js';

/** Slack's Block Kit limits for messages (https://api.slack.com/reference/block-kit). */
export const BLOCK_KIT_LIMITS = {
  blocks: 50,
  blockId: 255,
  actionId: 255,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionsElements: 25,
  contextElements: 10,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

const MESSAGE_BLOCK_TYPES = new Set([
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'video',
]);

type Problems = string[];

/** One problem as Slack words it in the `errors` of `invalid_blocks`. */
const problem = (problems: Problems, message: string, pointer: string): void => {
  problems.push(`${message} [json-pointer:${pointer}]`);
};

const checkLength = (problems: Problems, value: unknown, max: number, pointer: string): void => {
  if (typeof value !== 'string') {
    problem(problems, 'must provide a string', pointer);
    return;
  }
  if (value.length === 0) problem(problems, 'must be more than 0 characters', pointer);
  if (value.length > max) problem(problems, `must be less than ${max + 1} characters`, pointer);
};

const checkTextObject = (
  problems: Problems,
  text: unknown,
  max: number,
  pointer: string,
  types: readonly string[] = ['plain_text', 'mrkdwn'],
): void => {
  if (!isPlainObject(text)) {
    problem(problems, 'must provide an object', pointer);
    return;
  }
  if (typeof text.type !== 'string' || !types.includes(text.type)) {
    problem(problems, `must be one of ${types.join(', ')}`, `${pointer}/type`);
  }
  checkLength(problems, text.text, max, `${pointer}/text`);
};

const checkConfirm = (problems: Problems, confirm: unknown, pointer: string): void => {
  if (!isPlainObject(confirm)) {
    problem(problems, 'must provide an object', pointer);
    return;
  }
  checkTextObject(problems, confirm.title, BLOCK_KIT_LIMITS.confirmTitle, `${pointer}/title`, ['plain_text']);
  checkTextObject(problems, confirm.text, BLOCK_KIT_LIMITS.confirmText, `${pointer}/text`);
  checkTextObject(problems, confirm.confirm, BLOCK_KIT_LIMITS.confirmButton, `${pointer}/confirm`, ['plain_text']);
  checkTextObject(problems, confirm.deny, BLOCK_KIT_LIMITS.confirmButton, `${pointer}/deny`, ['plain_text']);
  if (confirm.style !== undefined && confirm.style !== 'primary' && confirm.style !== 'danger') {
    problem(problems, 'must be one of primary, danger', `${pointer}/style`);
  }
};

/** Checks an interactive element; buttons in full, other elements by their `action_id` only. */
const checkElement = (problems: Problems, element: unknown, pointer: string, actionIds: Set<string>): void => {
  if (!isPlainObject(element) || typeof element.type !== 'string') {
    problem(problems, 'must provide an element object with a type', pointer);
    return;
  }
  if (element.action_id !== undefined) {
    checkLength(problems, element.action_id, BLOCK_KIT_LIMITS.actionId, `${pointer}/action_id`);
    if (typeof element.action_id === 'string') {
      if (actionIds.has(element.action_id))
        problem(problems, 'action_id must be unique within a block', `${pointer}/action_id`);
      actionIds.add(element.action_id);
    }
  }
  if (element.type !== 'button') return;
  checkTextObject(problems, element.text, BLOCK_KIT_LIMITS.buttonText, `${pointer}/text`, ['plain_text']);
  if (element.value !== undefined)
    checkLength(problems, element.value, BLOCK_KIT_LIMITS.buttonValue, `${pointer}/value`);
  if (element.url !== undefined) checkLength(problems, element.url, BLOCK_KIT_LIMITS.buttonUrl, `${pointer}/url`);
  if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
    problem(problems, 'must be one of primary, danger', `${pointer}/style`);
  }
  if (element.confirm !== undefined) checkConfirm(problems, element.confirm, `${pointer}/confirm`);
};

const checkBlock = (problems: Problems, block: Record<string, unknown>, pointer: string): void => {
  switch (block.type) {
    case 'section': {
      if (block.text === undefined && block.fields === undefined) {
        problem(problems, 'must provide text or fields', pointer);
      }
      if (block.text !== undefined)
        checkTextObject(problems, block.text, BLOCK_KIT_LIMITS.sectionText, `${pointer}/text`);
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields)) problem(problems, 'must provide an array', `${pointer}/fields`);
        else {
          if (block.fields.length > BLOCK_KIT_LIMITS.sectionFields) {
            problem(problems, `no more than ${BLOCK_KIT_LIMITS.sectionFields} items allowed`, `${pointer}/fields`);
          }
          block.fields.forEach((field, i) => {
            checkTextObject(problems, field, BLOCK_KIT_LIMITS.fieldText, `${pointer}/fields/${i}`);
          });
        }
      }
      if (block.accessory !== undefined) checkElement(problems, block.accessory, `${pointer}/accessory`, new Set());
      return;
    }
    case 'header':
      checkTextObject(problems, block.text, BLOCK_KIT_LIMITS.headerText, `${pointer}/text`, ['plain_text']);
      return;
    case 'actions': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        problem(problems, 'must provide a non-empty array', `${pointer}/elements`);
        return;
      }
      if (block.elements.length > BLOCK_KIT_LIMITS.actionsElements) {
        problem(problems, `no more than ${BLOCK_KIT_LIMITS.actionsElements} items allowed`, `${pointer}/elements`);
      }
      const actionIds = new Set<string>();
      block.elements.forEach((element, i) => {
        checkElement(problems, element, `${pointer}/elements/${i}`, actionIds);
      });
      return;
    }
    case 'context': {
      if (!Array.isArray(block.elements) || block.elements.length === 0) {
        problem(problems, 'must provide a non-empty array', `${pointer}/elements`);
        return;
      }
      if (block.elements.length > BLOCK_KIT_LIMITS.contextElements) {
        problem(problems, `no more than ${BLOCK_KIT_LIMITS.contextElements} items allowed`, `${pointer}/elements`);
      }
      return;
    }
    default:
      return;
  }
};

/**
 * Checks a message's `blocks` against Block Kit's limits and answers Slack's problems, each as
 * `<what> [json-pointer:/blocks/<i>/...]` (what Slack returns in the `errors` of
 * `invalid_blocks`, and with an `[ERROR] ` prefix in `response_metadata.messages`); none when
 * the blocks are valid.
 *
 * Covered: the number of blocks, known block types, unique `block_id`s; `section` text and
 * fields, `header`, `actions` and `context` elements; buttons' text, value, url, style and
 * confirmation dialogs; `action_id` lengths and uniqueness within a block. Other elements and
 * rich text pass unchecked.
 */
export const checkBlockKit = (blocks: readonly unknown[]): string[] => {
  const problems: Problems = [];
  if (blocks.length > BLOCK_KIT_LIMITS.blocks) {
    problem(problems, `no more than ${BLOCK_KIT_LIMITS.blocks} items allowed`, '/blocks');
  }
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const pointer = `/blocks/${i}`;
    if (!isPlainObject(block) || typeof block.type !== 'string' || !MESSAGE_BLOCK_TYPES.has(block.type)) {
      problem(problems, `must be one of ${[...MESSAGE_BLOCK_TYPES].join(', ')}`, `${pointer}/type`);
      return;
    }
    if (block.block_id !== undefined) {
      checkLength(problems, block.block_id, BLOCK_KIT_LIMITS.blockId, `${pointer}/block_id`);
      if (typeof block.block_id === 'string') {
        if (blockIds.has(block.block_id)) problem(problems, 'duplicate block_id', `${pointer}/block_id`);
        blockIds.add(block.block_id);
      }
    }
    checkBlock(problems, block, pointer);
  });
  return problems;
};
