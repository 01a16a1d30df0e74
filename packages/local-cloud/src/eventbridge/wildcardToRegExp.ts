/**
 * Turns an EventBridge `wildcard` value into an anchored regular expression.
 *
 * `*` matches any run of characters (including none), `\*` is a literal asterisk and `\\` a
 * literal backslash. As in EventBridge, consecutive wildcards and any other escape are rejected:
 * the result then carries the AWS-worded reason instead of a RegExp.
 */
export const wildcardToRegExp = (wildcard: string): RegExp | { error: string } => {
  let source = '';
  for (let index = 0; index < wildcard.length; index++) {
    const char = wildcard[index];
    if (char === '\\') {
      const next = wildcard[index + 1];
      if (next !== '*' && next !== '\\') {
        return { error: `Wildcard pattern contains an invalid escape character at pos ${index + 1}` };
      }
      source += `\\${next}`;
      index++;
    } else if (char === '*') {
      if (wildcard[index + 1] === '*') return { error: `Consecutive wildcard characters at pos ${index + 1}` };
      source += '[\\s\\S]*';
    } else {
      source += char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
};
