/**
 * A small element tree from XML text, read with saxes (a strict, non-validating parser: it
 * reports the line and column of the first error and never reads external entities or DTDs).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** An element: its name, attributes, child elements and its own text (CDATA included). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Why the XML could not be read, with where (1-based line and column). */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(message);
  }
}

/** Parses `text` into its root element; throws XmlSyntaxError on the first error or past `maxDepth` levels. */
export function parseXmlTree(text: string, maxDepth: number): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (stack.length >= maxDepth) {
      throw new XmlSyntaxError(`elements are nested more than ${maxDepth} deep`, parser.line, parser.column);
    }
    const element: XmlElement = { name: tag.name, attributes: tag.attributes, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
  });
  const addText = (text: string) => {
    const current = stack.at(-1);
    // White space between elements (indentation) is no one's text.
    if (current && (current.text || /\S/.test(text))) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // saxes writes "line:column: message".
    const place = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
    throw place
      ? new XmlSyntaxError(place[3]!, Number(place[1]), Number(place[2]))
      : new XmlSyntaxError(message, null, null);
  }
  if (!root) throw new XmlSyntaxError('there is no element', null, null);
  return root;
}

/** The text of an element, then that of its descendants (mixed content loses its order; schedules have none). */
export function textContent(element: XmlElement): string {
  return element.children.length === 0
    ? element.text
    : element.text + element.children.map(textContent).join('');
}
