/**
 * The SCORM 1.2 package (issue 10, point 4): the manifest names the ADL SCORM 1.2 schemas, has one
 * organization, one item and one SCO resource launching index.html, and lists every file of the
 * package by a relative path (escaped for XML, percent-encoded for a URL); a path that is not
 * relative, or a launch page not packed, stops the build. The zip holds the manifest at its root
 * and exactly the files listed, byte for byte, and the same site gives the same zip.
 * (The real package's manifest is parsed by a browser's XML parser in tests/e2e/scorm.test.ts.)
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, ScormPackageError, scormManifest, writeScormPackage } from '../../src/build/scorm-package.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (text: string): string => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');

/** The `href` of every `<file>`, as the path it names. */
function listed(manifest: string): string[] {
  return [...manifest.matchAll(/<file href="([^"]*)"\/>/g)].map((m) => decodeURIComponent(unescape(m[1] ?? '')));
}

/**
 * Elements open and close in order, every attribute is quoted and no bare '&' or '<' is left in
 * text: the well-formedness a hand-written XML file gets wrong.
 */
function checkNesting(xml: string): string[] {
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos);)/g)) {
    if (m[2] === undefined) {
      problems.push(`a bare "${m[0]}" at ${m.index}`);
      continue;
    }
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) problems.push(`</${m[2]}> closes nothing open`);
    } else if (m[4] !== '/') stack.push(m[2]);
  }
  if (stack.length > 0) problems.push(`left open: ${stack.join(', ')}`);
  return problems;
}

const SITE = ['index.html', 'review.html', 'assets/index-Ab_1.js', 'assets/fonts/a b#1.woff2', 'assets/R&D <draft>.css'];

describe('scormManifest', () => {
  const manifest = scormManifest({ identifier: 'circular938', title: 'Circular 938 & "friends"', launch: 'index.html', files: SITE });

  it('is well-formed, names the ADL SCORM 1.2 schemas and is SCORM 1.2 by its metadata', () => {
    expect(manifest.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<manifest ')).toBe(true);
    expect(checkNesting(manifest)).toEqual([]);
    expect(manifest).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(manifest).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    const locations = /xsi:schemaLocation="([^"]*)"/.exec(manifest)?.[1]?.split(/\s+/) ?? [];
    expect(locations).toEqual([
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd',
      'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd',
      'http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd',
    ]);
    expect(manifest).toMatch(/<metadata>\s*<schema>ADL SCORM<\/schema>\s*<schemaversion>1\.2<\/schemaversion>\s*<\/metadata>/);
  });

  it('has one organization with one item, pointing at one SCO resource that launches index.html', () => {
    expect(manifest.match(/<organization /g)).toHaveLength(1);
    expect(manifest.match(/<item /g)).toHaveLength(1);
    expect(manifest.match(/<resource /g)).toHaveLength(1);
    expect(manifest).toContain('<organizations default="circular938-org">');
    expect(manifest).toContain('<organization identifier="circular938-org">');
    expect(manifest).toContain('<item identifier="circular938-item" identifierref="circular938-sco" isvisible="true">');
    expect(manifest).toContain('<resource identifier="circular938-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">');
    expect(manifest).toContain('<title>Circular 938 &amp; &quot;friends&quot;</title>');
  });

  it('lists every file once by its relative path, escaped for XML and encoded for a URL', () => {
    expect(listed(manifest).sort()).toEqual([...SITE].sort());
    expect(manifest).toContain('<file href="assets/fonts/a%20b%231.woff2"/>');
    expect(manifest).toContain('<file href="assets/R%26D%20%3Cdraft%3E.css"/>');
    for (const href of listed(manifest)) expect(href).not.toMatch(/^(\/|[a-z]+:|\.\.)/i);
  });

  it('refuses a path that is not inside the package, a file listed twice, a missing launch page and a bad identifier', () => {
    const make = (files: string[], more: { launch?: string; identifier?: string } = {}): (() => string) => () =>
      scormManifest({ identifier: more.identifier ?? 'circular938', title: 't', launch: more.launch ?? 'index.html', files });
    for (const bad of ['/etc/passwd', '../index.html', 'assets/../../x.js', 'assets\\x.js', 'C:/x.js', 'https://cdn.example/x.js', 'assets//x.js', './x.js', '']) {
      expect(make(['index.html', bad]), bad).toThrow(ScormPackageError);
    }
    expect(make(['index.html', 'index.html'])).toThrow(/listed twice/);
    expect(make(['review.html'])).toThrow(/launch page "index.html" is not among the files/);
    expect(make(['index.html', MANIFEST_FILE])).toThrow(/written by the package itself/);
    expect(make(['index.html'], { identifier: '938 circular' })).toThrow(/not an XML name/);
    // Every problem at once.
    expect(make(['/a', '../b'], { launch: 'x.html' })).toThrow(/"\/a".*\n.*"\.\.\/b".*\n.*launch page/);
  });
});

describe('writeScormPackage', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  async function site(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'circular938-scorm-'));
    dirs.push(dir);
    for (const file of SITE) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), `contents of ${file}\n`.repeat(50));
    }
    return dir;
  }

  it('zips the manifest at the root and exactly the files it lists, byte for byte, leaving out the zip itself', async () => {
    const dir = await site();
    await writeFile(path.join(dir, 'pack.zip'), 'an earlier package');
    const packed = await writeScormPackage(dir, { fileName: 'pack.zip', identifier: 'circular938', title: 'Circular 938' });
    expect(packed.sort()).toEqual([...SITE].sort());
    const zip = unzipSync(await readFile(path.join(dir, 'pack.zip')));
    const names = Object.keys(zip);
    expect(names[0]).toBe(MANIFEST_FILE);
    const manifest = new TextDecoder().decode(zip[MANIFEST_FILE]);
    expect(listed(manifest).sort()).toEqual(names.filter((n) => n !== MANIFEST_FILE).sort());
    for (const file of SITE) expect(Buffer.from(zip[file] ?? []).equals(await readFile(path.join(dir, file))), file).toBe(true);
    for (const name of names) expect(name).not.toMatch(/^\/|\\|(^|\/)\.\.?(\/|$)/);
  });

  it('gives the same zip for the same site', async () => {
    const a = await site();
    const b = await site();
    await writeScormPackage(a, { fileName: 'p.zip', identifier: 'c', title: 'C' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await writeScormPackage(b, { fileName: 'p.zip', identifier: 'c', title: 'C' });
    expect(Buffer.from(await readFile(path.join(a, 'p.zip'))).equals(await readFile(path.join(b, 'p.zip')))).toBe(true);
  });
});
