/**
 * What a translation must keep from the message it translates: its ICU arguments (`{name}`,
 * `{count, plural, …}` with the arguments inside the branches), the branches of each `select`
 * (a kind or a role picks one, so every language needs the same ones) and its rich-text tags
 * (`<strong>…</strong>`). Plural branches may differ: each language has its own plural rules.
 */
export function icuSignature(message: string): string[] {
  const found = new Set<string>();
  for (const tag of message.matchAll(/<\/?([A-Za-z][\w-]*)>/g)) found.add(`<${tag[1]}>`);
  readMessage(message, found);
  return [...found].sort();
}

const branching = new Set(['plural', 'select', 'selectordinal']);

function readMessage(text: string, found: Set<string>): void {
  let i = 0;
  while (i < text.length) {
    // ICU quoting: '{' and '}' are literal braces up to the next apostrophe.
    if (text[i] === "'" && (text[i + 1] === '{' || text[i + 1] === '}')) {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? text.length : close + 1;
    } else if (text[i] === '{') {
      const close = closingBrace(text, i);
      readArgument(text.slice(i + 1, close), found);
      i = close + 1;
    } else i++;
  }
}

function readArgument(body: string, found: Set<string>): void {
  const [name = '', type, ...rest] = body.split(',');
  if (type === undefined) {
    found.add(name.trim());
    return;
  }
  const kind = type.trim();
  if (!branching.has(kind)) {
    found.add(`${name.trim()}:${kind}`);
    return;
  }
  const branches = rest.join(',');
  const selectors: string[] = [];
  let i = 0;
  let selector = '';
  while (i < branches.length) {
    if (branches[i] === '{') {
      const close = closingBrace(branches, i);
      selectors.push(selector.trim().replace(/^offset:\d+\s*/, ''));
      readMessage(branches.slice(i + 1, close), found);
      selector = '';
      i = close + 1;
    } else selector += branches[i++];
  }
  found.add(kind === 'select' ? `${name.trim()}:select:${selectors.sort().join('|')}` : `${name.trim()}:${kind}`);
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in message: ${text}`);
}
