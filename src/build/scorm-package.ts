/**
 * Vite plugin: after the build has written the site, packs all of it into a SCORM 1.2 content
 * package (`dist/circular938-scorm.zip`) that a school's LMS (Moodle, Canvas, …) imports: the
 * site's files at their relative paths and `imsmanifest.xml` at the root, with one organization, one
 * item and one resource, a SCO whose launch page is the game's `index.html` and whose `<file>`
 * entries list every file of the package but the manifest. The manifest names the three ADL
 * SCORM 1.2 schemas (imscp_rootv1p1p2, adlcp_rootv1p2, imsmd_rootv1p2p1) in `xsi:schemaLocation`;
 * the .xsd files themselves are not shipped (LMSs read the manifest without them).
 *
 * The zip is the same for the same site: entries in path order, a fixed modification time, and
 * files that are compressed already (fonts, images, sound) stored rather than deflated again.
 * Build time only (Node).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Plugin } from 'vite';

export const MANIFEST_FILE = 'imsmanifest.xml';

export interface ManifestOptions {
  /** The manifest's identifier (an XML NCName: a letter first, then letters, digits, '-', '_', '.'). */
  identifier: string;
  /** The course's title as the LMS lists it. */
  title: string;
  /** The SCO's launch page, one of `files`. */
  launch: string;
  /** Every file of the package but the manifest, as relative paths with '/' between folders. */
  files: readonly string[];
}

/** A manifest that would not be a valid package (a programmer's error; the build stops on it). */
export class ScormPackageError extends Error {
  override readonly name = 'ScormPackageError';
}

const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Why a path cannot be in a package, or null when it can: relative, '/'-separated, inside the root. */
export function packagePathProblem(file: string): string | null {
  if (file === '') return 'an empty path';
  if (file.includes('\\')) return 'a backslash (paths in a package use "/")';
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file) || /^[a-z][a-z0-9+.-]*:/i.test(file)) return 'not a relative path';
  if (file.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'an empty, "." or ".." segment';
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f]/.test(file)) return 'a control character';
  return null;
}

/** A package path as the href of a manifest: each segment percent-encoded, so a space or '#' stays a file name. */
function href(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * The `imsmanifest.xml` of a SCORM 1.2 package of one SCO (see the file's comment). Pure; throws a
 * ScormPackageError when an identifier is not an NCName, a path is not relative or is listed
 * twice, or the launch page is not among the files.
 */
export function scormManifest(o: ManifestOptions): string {
  if (!NCNAME.test(o.identifier)) throw new ScormPackageError(`The manifest identifier "${o.identifier}" is not an XML name (a letter first, then letters, digits, "-", "_", ".").`);
  const problems = o.files.flatMap((f) => {
    const problem = packagePathProblem(f);
    return problem === null ? [] : [`${JSON.stringify(f)}: ${problem}`];
  });
  if (new Set(o.files).size !== o.files.length) problems.push('a file is listed twice');
  if (o.files.includes(MANIFEST_FILE)) problems.push(`${MANIFEST_FILE} is written by the package itself`);
  if (!o.files.includes(o.launch)) problems.push(`the launch page ${JSON.stringify(o.launch)} is not among the files`);
  if (problems.length > 0) throw new ScormPackageError(`The SCORM package cannot be made:\n- ${problems.join('\n- ')}`);
  const id = o.identifier;
  const title = xmlEscape(o.title);
  const files = [...o.files].sort().map((f) => `      <file href="${xmlEscape(href(f))}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${id}" version="1.0"`,
    '    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    `  <organizations default="${id}-org">`,
    `    <organization identifier="${id}-org">`,
    `      <title>${title}</title>`,
    `      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">`,
    `        <title>${title}</title>`,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${xmlEscape(href(o.launch))}">`,
    ...files,
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** Already compressed: deflating them again costs time and saves nothing. */
const STORED = /\.(woff2?|png|jpe?g|gif|webp|avif|ogg|oga|mp3|m4a|webm|mp4|zip|gz|br)$/i;
/** The entries' modification time: fixed (the DOS epoch, local), so the same site gives the same zip. */
const MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** The package as zip bytes: the manifest first, then every file at its path, in path order. Pure. */
export function scormZip(manifest: string, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = { [MANIFEST_FILE]: [new TextEncoder().encode(manifest), { level: 9 }] };
  for (const name of [...files.keys()].sort()) {
    const data = files.get(name);
    if (data) entries[name] = [data, { level: STORED.test(name) ? 0 : 9 }];
  }
  return zipSync(entries, { mtime: MTIME });
}

/** Every file under `dir`, as '/'-separated paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const stack = [''];
  while (stack.length > 0) {
    const rel = stack.pop() ?? '';
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) stack.push(name);
      else if (entry.isFile()) out.push(name);
    }
  }
  return out.sort();
}

export interface ScormPackageOptions {
  /** The zip's file name, written into the build's output folder (and left out of the package). */
  fileName: string;
  identifier: string;
  title: string;
  /** The launch page; `index.html` when left out. */
  launch?: string;
}

/** Packs the site in `outDir` into `outDir/<fileName>`; returns the files packed (manifest aside). */
export async function writeScormPackage(outDir: string, o: ScormPackageOptions): Promise<string[]> {
  const names = (await listFiles(outDir)).filter((f) => f !== o.fileName);
  const files = new Map<string, Uint8Array>();
  for (const name of names) files.set(name, await readFile(path.join(outDir, ...name.split('/'))));
  const manifest = scormManifest({ identifier: o.identifier, title: o.title, launch: o.launch ?? 'index.html', files: names });
  await writeFile(path.join(outDir, o.fileName), scormZip(manifest, files));
  return names;
}

/**
 * The plugin: packs the client build's output once every file of it is written (closeBundle, after
 * the other plugins'), and only when the build succeeded and wrote files.
 */
export function scormPackagePlugin(o: ScormPackageOptions): Plugin {
  let outDir: string | null = null;
  let failed = false;
  return {
    name: 'circular938:scorm-package',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.write && !config.build.ssr ? path.resolve(config.root, config.build.outDir) : null;
    },
    buildEnd(error) {
      if (error) failed = true;
    },
    renderError() {
      failed = true;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (outDir === null || failed) return;
        await writeScormPackage(outDir, o);
      },
    },
  };
}
