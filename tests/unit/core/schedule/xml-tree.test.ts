// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseXmlTree, textContent, XmlSyntaxError } from '@/core/schedule/xml-tree';

describe('parseXmlTree', () => {
  it('reads elements, attributes, text, entities and CDATA', () => {
    const root = parseXmlTree(
      '<?xml version="1.0"?>\n<!-- c --><a x="1" y="&amp;"><b>one &lt;two&gt; &#233;&#x41;</b><c><![CDATA[<p>raw & stuff</p>]]></c><d/></a>',
      10,
    );
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1', y: '&' });
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c', 'd']);
    expect(root.children[0]!.text).toBe('one <two> éA');
    expect(root.children[1]!.text).toBe('<p>raw & stuff</p>');
    expect(root.children[2]!.text).toBe('');
  });

  it('gives the text of descendants', () => {
    const root = parseXmlTree('<a>x<b>y<c>z</c></b></a>', 10);
    expect(textContent(root)).toBe('xyz');
  });

  it.each([
    ['<a><b></a>', 1],
    // An unclosed quote is noticed where the document ends.
    ['<a>\n<b attr="x>\n</a>', 3],
    ['<a>&nbsp;</a>', 1],
    ['<a>&undeclared;</a>', 1],
    ['<a></a><b></b>', 1],
    ['<a>', 1],
    ['', 1],
    ['not xml at all', 1],
  ])('refuses %j with a line', (xml, line) => {
    let error: unknown;
    try {
      parseXmlTree(xml, 10);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlSyntaxError);
    expect((error as XmlSyntaxError).line).toBe(line);
  });

  it('refuses elements nested deeper than the limit', () => {
    expect(() => parseXmlTree(`${'<a>'.repeat(20)}${'</a>'.repeat(20)}`, 10)).toThrow(
      /nested more than 10 deep/,
    );
    expect(parseXmlTree(`${'<a>'.repeat(10)}${'</a>'.repeat(10)}`, 10).name).toBe('a');
  });

  it('never expands internal entities (billion laughs) nor reads external ones', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<lolz>&lol2;</lolz>`;
    expect(() => parseXmlTree(laughs, 10)).toThrow(XmlSyntaxError);
    const external = '<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>';
    expect(() => parseXmlTree(external, 10)).toThrow(XmlSyntaxError);
  });
});
