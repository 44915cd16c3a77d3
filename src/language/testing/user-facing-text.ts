/**
 * The mechanical part of the language check: it reads every text a user may see as it stands
 * in the source (the app's JSX and string literals, the backend's messages, the certificate
 * definitions' texts) and finds what the product's Swedish never does. Used by
 * `user-facing-text.test.ts`; the README's "Swedish" section says how it works.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One text as it stands in a file: literal parts kept, every expression as PLACEHOLDER. */
export interface SourceText {
  where: string;
  text: string;
  /** A label-valued expression followed by a literal ":" (JSX or template). */
  labelJoin?: boolean;
  /** A count put into the text as it is ("{count} mottagna intyg"), not through the helpers. */
  rawCount?: boolean;
}

export interface Finding {
  where: string;
  rule: string;
  text: string;
}

export const PLACEHOLDER = '{…}';

/** Words that make a text Swedish, and words that make it English (comments, API docs, errors for developers). */
const SWEDISH_WORDS = new Set(
  'och att som är av för med inte ej en ett till den det de kan har på om eller från du vi ni ska får bara redan finns efter innan när vill hur vad här där dig din ditt dina sig sin också men så än'.split(
    ' ',
  ),
);
const ENGLISH_WORDS = new Set(
  'the a an is are of to and with for when it its by not be this that from or on as in at which has have was no must only'.split(
    ' ',
  ),
);

function wordCounts(text: string): { swedish: number; english: number } {
  let swedish = 0;
  let english = 0;
  for (const word of text.toLowerCase().match(/[a-zåäöé]+/g) ?? []) {
    if (SWEDISH_WORDS.has(word)) swedish += 1;
    if (ENGLISH_WORDS.has(word)) english += 1;
  }
  return { swedish, english };
}

/** More English than Swedish words: a developer's text (an error, an API summary). */
export function isEnglish(text: string): boolean {
  const { swedish, english } = wordCounts(text);
  return english > swedish;
}

export function isSwedish(text: string): boolean {
  const { swedish, english } = wordCounts(text);
  return english <= swedish && (swedish > 0 || /[åäö]/i.test(text));
}

/** Words of any language besides the placeholders: "{…} mottagna intyg", not "->>{…}". */
function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text.replaceAll(PLACEHOLDER, ''));
}

/** What a count or a limit is counted in: a number before one of these is a quantity. */
const UNITS =
  'tecken|rader|rad|dagar|dag|timmar|veckor|månader|ärenden|ärende|intyg|utkast|frågor|svar|träffar|kronor|kr|MB|kB|byte|värden|patienter|personer|sekunder|minuter|procent|gånger|poster';
/** A run of 4+ digits not part of a date, a time, a decimal, an id or a range. */
const BARE_DIGITS = String.raw`(?<![\d.,:/\-–A-Za-z])\d{4,}(?![\d,:/\-–A-Za-z]|\.\d)`;
const COUNT_BEFORE_UNIT = new RegExp(`${BARE_DIGITS}\\s+(?:${UNITS})\\b`);
const COUNT_AFTER_LIMIT_WORD = new RegExp(
  String.raw`\b(?:högst|minst|max|maximalt|över|upp till|längre än|fler än|mer än|av)\s+(${BARE_DIGITS})`,
  'i',
);
const YEAR = /^(19|20)\d\d$/;

interface Rule {
  name: string;
  /** Only for Swedish texts (see isSwedish). */
  swedishOnly?: boolean;
  test: (text: string) => boolean;
}

export const RULES: readonly Rule[] = [
  {
    name: 'tusental utan mellanslag (skriv 4 000, med formatNumber/countText)',
    test: (text) => {
      if (COUNT_BEFORE_UNIT.test(text)) return true;
      const limit = COUNT_AFTER_LIMIT_WORD.exec(text);
      return limit !== null && !YEAR.test(limit[1] ?? '');
    },
  },
  {
    name: 'raka citattecken (skriv ”…”)',
    swedishOnly: true,
    test: (text) => /(?<![=[(])"/.test(text.replaceAll('&quot;', '"')),
  },
  { name: '”istället” (skriv ”i stället”)', test: (text) => /\bistället\b/i.test(text) },
  {
    name: '”t. ex”/”t.ex” (skriv ”t.ex.” eller ”till exempel”)',
    test: (text) => /\bt\.\s+ex\b|\bt\.ex(?!\.)|\bt ex\b/i.test(text),
  },
  { name: '”?:” (en fråga får inget kolon efter sig)', test: (text) => /(?<!\()\?:/.test(text) },
  {
    name: '”Vårdenheten” med versal mitt i en mening',
    test: (text) => /[a-zåäö,]\s+Vårdenhet(?:en|ens)\b/.test(text),
  },
];

export function findProblems(source: SourceText): Finding[] {
  const findings: Finding[] = [];
  const swedish = isSwedish(source.text);
  for (const rule of RULES) {
    if (rule.swedishOnly === true && !swedish) continue;
    if (rule.test(source.text))
      findings.push({ where: source.where, rule: rule.name, text: source.text });
  }
  if (source.rawCount === true && !isEnglish(source.text) && hasWords(source.text)) {
    findings.push({
      where: source.where,
      rule: 'ett antal utan formatNumber(n), eller utan countText(n, singular, plural) före ett substantiv',
      text: source.text,
    });
  }
  if (source.labelJoin === true) {
    findings.push({
      where: source.where,
      rule: 'etikett + ”:” (skriv labelledText(etikett, text), som inte sätter kolon efter ”?”)',
      text: source.text,
    });
  }
  return findings;
}

/** JSX attributes whose values are code, never read by a user. */
const TECHNICAL_ATTRIBUTE =
  /^(className|id|htmlFor|href|to|type|role|key|name|value|autoComplete|inputMode|rel|target|method|lang|dir|variant|live|src|data-.*|aria-(controls|describedby|labelledby|live|current|haspopup|owns|activedescendant|hidden|expanded|invalid|busy|pressed))$/;

/** An expression that is a label: `question.label`, `offered.label`, `questionLabel(…)`. */
const LABEL_EXPRESSION = /[lL]abel(\([^)]*\))?$/;
/**
 * An expression that is a raw count: `total`, `String(total)`, `rows.length`, `result.totalDays`,
 * `page` (a plain name or property ending in a count word, not a call that formats it).
 */
const RAW_COUNT_EXPRESSION =
  /^(?:String\()?[\w.?!]*(?:count|total|pages?|first|last|length|days|Count|Total|Days|Pages)\)?$/;

function isCode(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isExternalModuleReference(parent) ||
    ts.isLiteralTypeNode(parent) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) ||
    ts.isCaseClause(parent) ||
    (ts.isBinaryExpression(parent) &&
      [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
        parent.operatorToken.kind,
      )) ||
    (ts.isJsxAttribute(parent) && TECHNICAL_ATTRIBUTE.test(parent.name.getText()))
  );
}

function jsxChildText(child: ts.JsxChild): string {
  if (ts.isJsxText(child)) return child.text.replace(/\s+/g, ' ');
  if (ts.isJsxExpression(child)) {
    const expression = child.expression;
    if (expression === undefined) return '';
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      return expression.text;
    }
  }
  return PLACEHOLDER;
}

function isLabel(expression: ts.Expression | undefined): boolean {
  return expression !== undefined && LABEL_EXPRESSION.test(expression.getText());
}

function isRawCount(expression: ts.Expression | undefined): boolean {
  return expression !== undefined && RAW_COUNT_EXPRESSION.test(expression.getText());
}

/** Whether a label expression child is followed by a literal ":". */
function joinsLabel(children: readonly ts.JsxChild[]): boolean {
  return children.some((child, index) => {
    if (!ts.isJsxExpression(child) || !isLabel(child.expression)) return false;
    const next = children[index + 1];
    return next !== undefined && jsxChildText(next).startsWith(':');
  });
}

/** The texts of one TypeScript or TSX file. */
export function textsOfSource(file: string, content: string): SourceText[] {
  const source = ts.createSourceFile(
    file,
    content,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const texts: SourceText[] = [];
  const add = (node: ts.Node, text: string, joined: { labelJoin: boolean; rawCount: boolean }) => {
    const trimmed = text.trim();
    if (trimmed === '' || (trimmed === PLACEHOLDER && !joined.labelJoin && !joined.rawCount)) {
      return;
    }
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    texts.push({ where: `${file}:${String(line)}`, text: trimmed, ...joined });
  };
  const plain = { labelJoin: false, rawCount: false };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!isCode(node)) add(node, node.text, plain);
    } else if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      const joined = { ...plain };
      for (const span of node.templateSpans) {
        const literal = span.literal.text;
        if (isLabel(span.expression) && literal.startsWith(':')) joined.labelJoin = true;
        if (isRawCount(span.expression)) joined.rawCount = true;
        text += PLACEHOLDER + literal;
      }
      add(node, text, joined);
    } else if (ts.isJsxElement(node) || ts.isJsxFragment(node)) {
      const children = node.children;
      const hasText = children.some((child) => ts.isJsxText(child) && child.text.trim() !== '');
      const joined = {
        labelJoin: joinsLabel(children),
        rawCount:
          hasText &&
          children.some((child) => ts.isJsxExpression(child) && isRawCount(child.expression)),
      };
      if (hasText || joined.labelJoin) add(node, children.map(jsxChildText).join(''), joined);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

/** Every string in a definition's JSON, by its path. */
export function textsOfJson(file: string, content: string): SourceText[] {
  const texts: SourceText[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') texts.push({ where: `${file} ${path}`, text: value });
    else if (Array.isArray(value))
      value.forEach((item, index) => walk(item, `${path}[${String(index)}]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value))
        walk(item, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(JSON.parse(content), '');
  return texts;
}

/** Source files that hold user-facing text: production code, not tests, test kits or fixtures. */
function isProductionSource(path: string): boolean {
  return (
    /\.(ts|tsx)$/.test(path) &&
    !/\.(test|conformance)\.tsx?$/.test(path) &&
    !path.endsWith('.d.ts') &&
    !path.split('/').includes('testing') &&
    // The helpers themselves compose counts and labels: the rules are theirs.
    !path.startsWith('src/language/')
  );
}

function filesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .map((path) => join(folder, path).split('\\').join('/'))
    .sort();
}

/** Every user-facing text of the repository at `root`, with where it stands. */
export function userFacingTexts(root: string): SourceText[] {
  const sources = [...filesUnder(root, 'src'), ...filesUnder(root, 'server')].filter(
    isProductionSource,
  );
  const definitions = filesUnder(root, 'src/definitions').filter((path) => path.endsWith('.json'));
  return [
    ...sources.flatMap((path) => textsOfSource(path, readFileSync(join(root, path), 'utf8'))),
    ...definitions.flatMap((path) =>
      textsOfJson(relative(root, join(root, path)), readFileSync(join(root, path), 'utf8')),
    ),
  ];
}
