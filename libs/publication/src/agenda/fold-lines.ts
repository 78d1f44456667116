/**
 * RFC 5545 §3.1: a content line longer than 75 octets is folded: CRLF, then one space, and the line
 * goes on. `ics` 3.12 folds at 75 characters (it counts code points), so a French title with accents
 * ends up over 75 octets; this folds again by octets, never inside a UTF-8 character.
 */
const MAX_OCTETS = 75;

export function foldByOctets(calendar: string): string {
  const unfolded = calendar.replace(/\r\n[ \t]/g, '');
  const lines = unfolded.split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
