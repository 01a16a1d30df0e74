/** Slack text objects: `plain_text` for headers and buttons, `mrkdwn` for sections. */
export type PlainText = { type: 'plain_text'; text: string; emoji?: boolean };
export type Mrkdwn = { type: 'mrkdwn'; text: string };
export type TextObject = PlainText | Mrkdwn;

/** A confirmation dialog shown before a button acts. */
export type ConfirmDialog = {
  title: PlainText;
  text: TextObject;
  confirm: PlainText;
  deny: PlainText;
  style?: 'primary' | 'danger';
};

export type ButtonElement = {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
  confirm?: ConfirmDialog;
};

export type HeaderBlock = { type: 'header'; block_id?: string; text: PlainText };
export type SectionBlock = {
  type: 'section';
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
  accessory?: ButtonElement;
};
export type ContextBlock = { type: 'context'; block_id?: string; elements: TextObject[] };
export type ActionsBlock = { type: 'actions'; block_id?: string; elements: ButtonElement[] };
export type DividerBlock = { type: 'divider'; block_id?: string };

/** The Block Kit blocks notify builds. */
export type Block = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock | DividerBlock;

/**
 * A Slack message as notify builds it: Block Kit `blocks` and the fallback `text` that
 * notifications, screen readers and old clients show instead.
 */
export type SlackMessage = { text: string; blocks: Block[] };
