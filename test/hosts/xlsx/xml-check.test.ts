import { SaxesParser } from 'saxes';
import { checkXml, XmlChecker } from '../../../src/hosts/xlsx/xml-check';

/** saxes (a conforming XML parser) as the judge: true when it parses the text without an error. */
function saxesAccepts(xml: string): boolean {
  const parser = new SaxesParser();
  let ok = true;
  parser.on('error', () => (ok = false));
  try {
    parser.write(xml).close();
  } catch {
    ok = false;
  }
  return ok;
}

const accepts = (xml: string) => {
  try {
    checkXml(xml, 'part.xml');
    return true;
  } catch {
    return false;
  }
};

const CASES: string[] = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a><b c="1" d=\'2\'/>t &amp; &#x4E2D; &#20013;</a>',
  '<x:worksheet xmlns:x="urn:x"><x:c r="A1"><x:v>1</x:v></x:c></x:worksheet>',
  '<a><!-- note --><?pi data?><![CDATA[<not a tag>]]></a>',
  '<a>\n</a>\n',
  '<a/>',
  '<a><b></a>',
  '<a><b></b>',
  '<a></b>',
  '<a b="1" b="2"/>',
  '<a b="1"c="2"/>',
  '<a b=1/>',
  '<a b="x<y"/>',
  '<a b="&foo;"/>',
  '<a>&foo;</a>',
  '<a>&#0;</a>',
  '<a>& b</a>',
  '<a>\u0001</a>',
  '<1a/>',
  '< a/>',
  '<a></a><b/>',
  'text<a/>',
  '<a/>text',
  '<!DOCTYPE a><a/>',
  '',
  '<a',
  '<a b="1',
  '<a><!-- open',
  '<a b = "1" />',
  '<a></a >',
  '<a xmlns="urn:a" xmlns:r="urn:r" r:id="rId1"/>',
  '<a>]]</a>',
  '<a></a\n>',
  '<a>\uFFFE</a>',
  '<?xml version="1>0" encoding="UTF-8" standalone="yes"?>\n<a/>',
  '<?xml version="1.0" encoding="UTF-8" standalone="maybe"?><a/>',
  "<?xml version='1.0' encoding='gb2312'?><a/>",
  '<?xml version="1.0"?><a/>',
  '<?xml encoding="UTF-8"?><a/>',
  ' <?xml version="1.0"?><a/>',
  '<a><?xml version="1.0"?></a>',
  '<?xml-stylesheet href="s.css"?><a/>',
  '<?XML version="1.0"?><a/>',
];

describe('the XML check agrees with a conforming parser', () => {
  test.each(CASES)('%j', (xml) => {
    // One deliberate difference: OOXML parts may not carry a DTD (Excel refuses them), so a DOCTYPE is refused.
    expect(accepts(xml)).toBe(xml.includes('<!DOCTYPE') ? false : saxesAccepts(xml));
  });

  test('text cut at any point of a part is refused', () => {
    const xml =
      '<?xml version="1.0"?><sst count="2"><si><t>食品</t></si><si><t xml:space="preserve">a &amp; b</t></si></sst>';
    for (let cut = 0; cut < xml.length; cut++) expect(accepts(xml.slice(0, cut))).toBe(false);
    expect(accepts(xml)).toBe(true);
  });

  test('segments cut after a tag give the same answer as the whole text', () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const xml = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const checker = new XmlChecker('sheet.xml');
    let from = 0;
    for (let at = xml.indexOf('</row>'); at >= 0; at = xml.indexOf('</row>', at + 1)) {
      checker.feed(xml.slice(from, at + 6));
      from = at + 6;
    }
    checker.feed(xml.slice(from));
    expect(() => checker.end()).not.toThrow();
  });

  test('a fault names the part and the line', () => {
    expect(() => checkXml('<a>\n<b>\n</c></a>', 'xl/styles.xml')).toThrow(
      expect.objectContaining({
        part: 'xl/styles.xml',
        reason: 'xml',
        details: expect.objectContaining({ line: 3 }),
      }),
    );
  });
});
