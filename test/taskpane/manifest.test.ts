import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';

// A local structural check of manifest.xml: `npm run validate` asks Microsoft's online service, which is not
// reachable from every machine. This holds what that service would reject and what Excel needs to load the add-in.

const ROOT = join(__dirname, '..', '..');
const ORIGIN = 'https://localhost:3000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  parser.on('opentag', (tag) => {
    const el: El = {
      name: tag.name,
      attrs: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => (stack[stack.length - 1]!.text += t));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

function all(el: El, name: string, out: El[] = []): El[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    all(c, name, out);
  }
  return out;
}

function one(el: El, name: string): El {
  const found = all(el, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}

function child(el: El, name: string): El {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The source file the build turns into a served path (html pages from their templates, assets as they are). */
function sourceOf(url: string): string {
  const path = new URL(url).pathname.slice(1);
  const pages: Record<string, string> = {
    'taskpane.html': 'src/taskpane/taskpane.html',
    'commands.html': 'src/entries/excel-commands.html',
    'help.html': 'src/taskpane/help.html',
  };
  return join(ROOT, pages[path] ?? path);
}

const manifest = parse(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));
const overrides = child(manifest, 'VersionOverrides');
const resources = child(overrides, 'Resources');

function resourceTable(group: string, tag: string): Map<string, El> {
  const table = new Map<string, El>();
  for (const el of child(resources, group).children.filter((c) => c.name === tag)) {
    expect(table.has(el.attrs.id!)).toBe(false);
    table.set(el.attrs.id!, el);
  }
  return table;
}

const images = resourceTable('bt:Images', 'bt:Image');
const urls = resourceTable('bt:Urls', 'bt:Url');
const shortStrings = resourceTable('bt:ShortStrings', 'bt:String');
const longStrings = resourceTable('bt:LongStrings', 'bt:String');

describe('manifest.xml', () => {
  it('is a task-pane add-in for workbooks with a GUID id, a version and read/write access', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(manifest, 'Id').text.trim()).toMatch(GUID);
    expect(child(manifest, 'Version').text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(manifest, 'ProviderName').text.trim().length).toBeGreaterThan(0);
    expect(child(child(manifest, 'Hosts'), 'Host').attrs.Name).toBe('Workbook');
    expect(child(manifest, 'Hosts').children).toHaveLength(1);
    expect(child(manifest, 'Permissions').text.trim()).toBe('ReadWriteDocument');
  });

  it('keeps the schema order of the top-level elements', () => {
    const order = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    expect(manifest.children.map((c) => c.name)).toEqual(order);
  });

  it('asks only for ExcelApi 1.1 (newer sets are checked at run time)', () => {
    const sets = child(child(manifest, 'Requirements'), 'Sets');
    expect(sets.children.map((s) => `${s.attrs.Name} ${s.attrs.MinVersion}`)).toEqual(['ExcelApi 1.1']);
  });

  it('defaults to Chinese with English overrides for its name and description', () => {
    expect(child(manifest, 'DefaultLocale').text.trim()).toBe('zh-CN');
    for (const [name, max] of [
      ['DisplayName', 125],
      ['Description', 250],
    ] as const) {
      const el = child(manifest, name);
      expect(el.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(el.attrs.DefaultValue!.length).toBeLessThanOrEqual(max);
      const en = el.children.filter((c) => c.name === 'Override');
      expect(en.map((o) => o.attrs.Locale)).toEqual(['en-US']);
      expect(en[0]!.attrs.Value!.length).toBeLessThanOrEqual(max);
    }
  });

  it('gives every string an en-US override, within the length limits', () => {
    for (const [table, max] of [
      [shortStrings, 125],
      [longStrings, 250],
    ] as const) {
      for (const [id, el] of table) {
        expect(el.attrs.DefaultValue!.length).toBeLessThanOrEqual(max);
        const en = el.children.filter((c) => c.name === 'bt:Override' && c.attrs.Locale === 'en-US');
        if (en.length !== 1) throw new Error(`${id} has no en-US override`);
        expect(en[0]!.attrs.Value!.length).toBeLessThanOrEqual(max);
      }
    }
  });

  it('serves everything over https from one origin, pages and icons that exist', () => {
    const addresses = [
      child(manifest, 'IconUrl').attrs.DefaultValue,
      child(manifest, 'HighResolutionIconUrl').attrs.DefaultValue,
      child(manifest, 'SupportUrl').attrs.DefaultValue,
      child(child(manifest, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue,
      ...[...images.values(), ...urls.values()].map((e) => e.attrs.DefaultValue),
    ];
    for (const a of addresses) {
      expect(new URL(a!).origin).toBe(ORIGIN);
      if (!existsSync(sourceOf(a!))) throw new Error(`${a}: ${sourceOf(a!)} does not exist`);
    }
    expect(all(manifest, 'AppDomain').map((d) => d.text.trim())).toEqual([ORIGIN]);
    expect(child(child(manifest, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(
      `${ORIGIN}/taskpane.html`,
    );
    expect(urls.get(one(overrides, 'FunctionFile').attrs.resid!)?.attrs.DefaultValue).toBe(
      `${ORIGIN}/commands.html`,
    );
  });

  it('has icons of the pixel sizes it names', () => {
    expect(pngSize(sourceOf(child(manifest, 'IconUrl').attrs.DefaultValue!))).toEqual({
      width: 32,
      height: 32,
    });
    expect(pngSize(sourceOf(child(manifest, 'HighResolutionIconUrl').attrs.DefaultValue!))).toEqual({
      width: 64,
      height: 64,
    });
    for (const ref of all(overrides, 'bt:Image').filter((i) => i.attrs.resid)) {
      const size = Number(ref.attrs.size);
      expect([16, 32, 80]).toContain(size);
      const image = images.get(ref.attrs.resid!);
      if (!image) throw new Error(`no image ${ref.attrs.resid}`);
      expect(pngSize(sourceOf(image.attrs.DefaultValue!))).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80])
      expect(pngSize(join(ROOT, 'assets', `icon-${size}.png`)).width).toBe(size);
  });

  it('resolves every resid to a resource of the right kind, with short unique ids, none unused', () => {
    const used = new Set<string>();
    const kinds: Record<string, Map<string, El>> = {
      Label: shortStrings,
      Title: shortStrings,
      Description: longStrings,
      SourceLocation: urls,
      FunctionFile: urls,
      LearnMoreUrl: urls,
      'bt:Image': images,
    };
    const walk = (el: El, parent: El | undefined) => {
      if (el.attrs.resid) {
        // A Supertip's and GetStarted's Title is short, their Description long.
        const table = el.name === 'Description' && parent?.name === 'Supertip' ? longStrings : kinds[el.name];
        if (!table?.has(el.attrs.resid))
          throw new Error(`<${el.name} resid="${el.attrs.resid}"> resolves to nothing`);
        used.add(el.attrs.resid);
      }
      for (const c of el.children) walk(c, el);
    };
    walk(child(overrides, 'Hosts'), undefined);
    const ids = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id.length).toBeLessThanOrEqual(32);
      if (!used.has(id)) throw new Error(`resource ${id} is never used`);
    }
  });

  it('puts 校验, 清除标记 and 清单助手 in one group on the Home tab, wired to the commands file', () => {
    const tab = one(overrides, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const controls = all(tab, 'Control');
    expect(controls.map((c) => shortStrings.get(child(c, 'Label').attrs.resid!)?.attrs.DefaultValue)).toEqual(
      ['校验', '清除标记', '清单助手'],
    );
    expect(new Set(all(overrides, 'Control').map((c) => c.attrs.id)).size).toBe(controls.length);
    const actions = controls.map((c) => child(c, 'Action'));
    expect(actions.map((a) => a.attrs['xsi:type'])).toEqual([
      'ExecuteFunction',
      'ExecuteFunction',
      'ShowTaskpane',
    ]);
    const functions = actions.slice(0, 2).map((a) => child(a, 'FunctionName').text.trim());
    const commands = readFileSync(join(ROOT, 'src/entries/excel-commands.ts'), 'utf8');
    for (const f of functions) expect(commands).toMatch(new RegExp(`: '${f}'`));
    expect(urls.get(child(actions[2]!, 'SourceLocation').attrs.resid!)?.attrs.DefaultValue).toBe(
      `${ORIGIN}/taskpane.html`,
    );
    for (const c of controls) expect(all(c, 'bt:Image').map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
  });
});
