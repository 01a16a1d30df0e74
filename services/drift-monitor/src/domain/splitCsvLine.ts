/**
 * Splits one CSV record into its fields (RFC 4180 quoting: `"a,b"` and `""` inside quotes).
 *
 * A capture payload is one short line per request, so a full CSV parser per record would cost
 * more than the rest of the check; this is the hot path of a window of a million records.
 *
 * @example splitCsvLine('1,"a,b",x') // ['1', 'a,b', 'x']
 */
export const splitCsvLine = (line: string): string[] => {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
};
