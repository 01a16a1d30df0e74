type Block = {
  type?: string;
  text?: { text?: string };
  fields?: { text?: string }[];
  elements?: { type?: string; text?: string | { text?: string } }[];
};

/** Slack's mrkdwn as plain text: the marks of bold, italics and code dropped (`roc_auc` keeps its underscore), mentions as `@U…`, links as their label. */
const plain = (mrkdwn: string): string =>
  mrkdwn
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/(^|\s)_([^_\n]+)_(?=\s|$)/g, '$1$2')
    .replace(/<@([UW][A-Z0-9]+)>/g, '@$1')
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2');

const elementText = (element: { text?: string | { text?: string } }): string =>
  plain(typeof element.text === 'string' ? element.text : (element.text?.text ?? ''));

/**
 * A Slack message as people see it in the channel, in plain lines: the header, the sections and
 * their fields (label and value on one line), the buttons as `[ Approve ]`, and the context.
 * A message without blocks shows its `text`.
 *
 * @example
 * renderSlackMessage({ text: 'Approval needed', blocks: [{ type: 'header', text: { text: 'Approval needed: churn v1' } }] })
 * // ['Approval needed: churn v1']
 */
export const renderSlackMessage = (message: { text?: string; blocks?: unknown[] }): string[] => {
  const blocks = (message.blocks ?? []) as Block[];
  if (blocks.length === 0) return message.text === undefined ? [] : plain(message.text).split('\n');
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header':
        lines.push(plain(block.text?.text ?? ''));
        break;
      case 'section':
        // A quoted line (`>`) shows indented.
        if (block.text?.text !== undefined)
          lines.push(
            ...plain(block.text.text)
              .split('\n')
              .map((line) => line.replace(/^>\s?/, '  ')),
          );
        for (const field of block.fields ?? []) lines.push(plain(field.text ?? '').replace('\n', ': '));
        break;
      case 'actions':
        lines.push((block.elements ?? []).map((element) => `[ ${elementText(element)} ]`).join('  '));
        break;
      case 'context':
        lines.push((block.elements ?? []).map(elementText).join(' · '));
        break;
      case 'divider':
        lines.push('---');
        break;
      default:
        break;
    }
  }
  return lines;
};
