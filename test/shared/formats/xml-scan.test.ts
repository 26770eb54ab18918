import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, scanXml } from '../../../shared/formats/xml-scan';

/** The events as saxes would report them: open and close with names, text as resolved. */
function events(xml: string): string[] {
  const out: string[] = [];
  scanXml(xml, {
    open: (t) => out.push(`<${t.name}${t.isSelfClosing ? '/' : ''}>`),
    close: (t) => out.push(`</${t.name}>`),
    text: (s) => out.push(s),
  });
  return out;
}

describe('scanXml', () => {
  it('reports tags, self-closing tags and text in order, past the declaration, comments and instructions', () => {
    const xml = '\uFEFF<?xml version="1.0"?>\n<!-- made by hand --><w:document><w:p><w:r><w:t>Hi</w:t><w:br/></w:r><?pi x?></w:p></w:document>\n';
    expect(events('<a ><b /></a\t>')).toEqual(['<a>', '<b/>', '</b>', '</a>']);
    expect(events(xml)).toEqual(['<w:document>', '<w:p>', '<w:r>', '<w:t>', 'Hi', '</w:t>', '<w:br/>', '</w:br>', '</w:r>', '</w:p>', '</w:document>']);
  });

  it('resolves the five entities and character references, and keeps CDATA as written', () => {
    expect(events('<a>&lt;b&gt; &amp; &quot;c&apos; &#233;&#x1F600;<![CDATA[<raw> &amp;]]></a>')).toEqual(['<a>', '<b> & "c\' é😀', '<raw> &amp;', '</a>']);
  });

  it('reads attributes in either quote, with > inside a value and references resolved, only when asked', () => {
    const seen: (string | undefined)[] = [];
    scanXml(`<r><w:tab w:val='left' w:pos="a>b"/><w:fldChar w:fldCharType="begin &amp; end"/></r>`, {
      open: (t) => seen.push(t.attribute('w:val'), t.attribute('w:pos'), t.attribute('w:fldCharType')),
    });
    expect(seen).toEqual([undefined, undefined, undefined, 'left', 'a>b', undefined, undefined, undefined, 'begin & end']);
  });

  it('refuses what is not well-formed, saying where', () => {
    const problem = (xml: string) => {
      try {
        scanXml(xml, {});
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problem('<a><b></a></b>')).toBe('</a> closes <b> at character 6');
    expect(problem('<a><b>text')).toBe('<b> is never closed (the part ends early)');
    expect(problem('<w:t></w:tbl>')).toBe('</w:tbl> closes <w:t> at character 5');
    expect(problem('<a></a  x>')).toBe('a malformed closing tag at character 3');
    expect(problem('</a>')).toBe('</a> closes nothing at character 0');
    expect(problem('<a x=1></a>')).toBe('a malformed tag at character 0');
    expect(problem('<a>fish & chips</a>')).toBe("a bare '&' at character 8");
    expect(problem('<a>&nbsp;</a>')).toBe('an unknown reference &nbsp; at character 3');
    expect(problem('<a>&#0;</a>')).toBe('an unknown reference &#0; at character 3');
    expect(problem('<a></a><b></b>')).toBe('a second root element <b> at character 7');
    expect(problem('stray<a></a>')).toBe('text outside the root element at character 0');
    expect(problem('<a><!-- open')).toBe('a comment at character 3 is never closed');
    expect(problem('')).toBe('there is no root element');
  });

  it('refuses a document type declaration, so no entity can expand', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>';
    expect(() => scanXml(bomb, {})).toThrow(/declares a document type \(DTD\)/);
  });
});

describe('scanXml, as the one tokenizer for Word and REFI-QDA files', () => {
  it('reads CR LF and CR as LF in text, but keeps a CR written as a reference', () => {
    expect(events('<a>one\r\ntwo\rthree&#13;</a>')).toEqual(['<a>', 'one\ntwo\nthree\r', '</a>']);
  });

  it('gives every attribute, white space written literally in a value read as a space', () => {
    let seen: [string, string][] = [];
    scanXml('<a x="1\r\n2\t3\n4" y=\'&#10;\' xmlns:p="u" p:z="&amp;"/>', { open: (t) => (seen = t.attributes()) });
    expect(seen).toEqual([['x', '1 2 3 4'], ['y', '\n'], ['xmlns:p', 'u'], ['p:z', '&']]);
  });

  it('says where each tag starts', () => {
    const starts: number[] = [];
    scanXml('<a>\n <b/></a>', { open: (t) => starts.push(t.start) });
    expect(starts).toEqual([0, 5]);
  });

  it('refuses nesting deeper than MAX_DEPTH, and a DOCTYPE or ENTITY in any case', () => {
    const deep = '<a>'.repeat(MAX_DEPTH + 1) + '</a>'.repeat(MAX_DEPTH + 1);
    expect(() => scanXml(deep, {})).toThrow(expect.objectContaining({ kind: 'too-deep' }));
    expect(() => scanXml('<a>'.repeat(MAX_DEPTH) + '</a>'.repeat(MAX_DEPTH), {})).not.toThrow();
    expect(() => scanXml('<!doctype a><a/>', {})).toThrow(expect.objectContaining({ kind: 'doctype' }));
    expect(() => scanXml('<!ENTITY x "y"><a/>', {})).toThrow(expect.objectContaining({ kind: 'doctype' }));
  });
});
