// The PowerShell the Windows installer may use: parsed with the tree-sitter PowerShell grammar (a real parser, from
// npm), then held to the part of the language and of .NET that Windows PowerShell 2.0 (Windows 7's, on .NET 2.0/3.5)
// has. Every cmdlet, parameter and .NET method used must be listed here, so a newer one cannot slip in unnoticed:
// add one only after checking it exists in PowerShell 2.0 / .NET 3.5.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Language, type Node, Parser } from 'web-tree-sitter';

/** Cmdlets of PowerShell 2.0 the installer uses, each with the parameters it may pass (all of them exist in 2.0). */
export const CMDLETS_2_0: Record<string, readonly string[]> = {
  'Copy-Item': ['-Path', '-Destination', '-Recurse', '-Force'],
  'ForEach-Object': ['-Process'],
  'Get-ChildItem': ['-Path', '-Filter', '-Force'],
  'Get-ItemProperty': ['-Path', '-Name'],
  'Join-Path': ['-Path', '-ChildPath'],
  'New-Item': ['-ItemType', '-Path', '-Force'],
  'New-Object': ['-TypeName', '-ArgumentList'],
  'Out-Null': [],
  'Remove-Item': ['-Path', '-Recurse', '-Force'],
  'Split-Path': ['-Parent', '-Leaf', '-Path'],
  'Test-Path': ['-Path', '-PathType'],
  // Only with a script block: `Where-Object Name -eq x` (named parameters) is PowerShell 3.0.
  'Where-Object': ['-FilterScript'],
  'Write-Host': ['-NoNewline', '-ForegroundColor'],
};

/** .NET members called, all present in .NET 2.0 (no String.IsNullOrWhiteSpace, Enumerable, ::new …). */
export const DOTNET_2_0 = new Set([
  'Add',
  'AppendChild',
  'Contains',
  'CreateElement',
  'EndsWith',
  'ExpandEnvironmentVariables',
  'GetAttribute',
  'GetCurrent',
  'GetEncoding',
  'IndexOf',
  'IsInRole',
  'Load',
  'LoadXml',
  'ReadAllText',
  'RemoveAt',
  'RemoveChild',
  'Save',
  'SetAttribute',
  'StartsWith',
  'Substring',
  'ToArray',
  'Trim',
  'WriteAllText',
  'WriteLine',
]);

/** Language of PowerShell 3.0 and later. */
const NEWER_TYPES = new Set(['ordered', 'pscustomobject']);
const NEWER_OPERATORS = new Set(['-in', '-notin', '-shl', '-shr']);
const NEWER_VARIABLES = new Set(['$psscriptroot', '$pscommandpath', '$psitem']);
const NEWER_STATEMENTS = new Set(['class_statement', 'enum_statement']);
/** Intrinsic members every object has from 3.0/4.0 on. */
const NEWER_MEMBERS = new Set(['ForEach', 'Where', 'new']);

let parser: Parser | undefined;

async function powershellParser(): Promise<Parser> {
  if (parser) return parser;
  await Parser.init();
  const wasm = path.join(
    path.dirname(require.resolve('tree-sitter-powershell/package.json')),
    'tree-sitter-powershell.wasm',
  );
  const p = new Parser();
  // Bytes, not a path: loading by path goes through a dynamic import that jest's vm does not allow.
  p.setLanguage(await Language.load(new Uint8Array(readFileSync(wasm))));
  parser = p;
  return p;
}

/** A finding: what is wrong, on which 1-based line. */
export interface Finding {
  line: number;
  problem: string;
}

function nodes(root: Node): Node[] {
  const out: Node[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.childCount - 1; i >= 0; i--) stack.push(n.child(i)!);
  }
  return out;
}

/** Parses a script and lists what is not valid PowerShell or not in the 2.0 subset above (empty when fine). */
export async function checkPowerShell2(source: string): Promise<Finding[]> {
  const tree = (await powershellParser()).parse(source)!;
  const found: Finding[] = [];
  const at = (n: Node, problem: string) => found.push({ line: n.startPosition.row + 1, problem });
  const all = nodes(tree.rootNode);
  // Functions the script defines are its own commands.
  const own = new Set(all.filter((n) => n.type === 'function_name').map((n) => n.text.toLowerCase()));
  for (const n of all) {
    if (n.isError || n.isMissing) at(n, `syntax error near "${n.text.slice(0, 40)}"`);
    else if (NEWER_STATEMENTS.has(n.type)) at(n, `${n.type} is PowerShell 5.0`);
    else if (n.type === 'command_name' && own.has(n.text.toLowerCase())) continue;
    else if (n.type === 'command_name') {
      const allowed = CMDLETS_2_0[n.text];
      if (!allowed) {
        at(n, `${n.text} is not in the PowerShell 2.0 list`);
        continue;
      }
      const command = n.parent!;
      for (const p of nodes(command).filter((x) => x.type === 'command_parameter'))
        if (!allowed.some((a) => a.toLowerCase() === p.text.toLowerCase()))
          at(p, `${n.text} ${p.text} is not in the PowerShell 2.0 list`);
    } else if (
      n.type === 'type_name' &&
      n.parent?.type === 'type_spec' &&
      NEWER_TYPES.has(n.text.toLowerCase())
    )
      at(n, `[${n.text}] is PowerShell 3.0`);
    else if (n.type === 'comparison_operator' && NEWER_OPERATORS.has(n.text.toLowerCase()))
      at(n, `${n.text} is PowerShell 3.0`);
    else if (n.type === 'variable' && NEWER_VARIABLES.has(n.text.toLowerCase().replace(/[{}]/g, '')))
      at(n, `${n.text} is PowerShell 3.0`);
    else if (n.type === 'variable' && /^\$using:/i.test(n.text)) at(n, `${n.text} is PowerShell 3.0`);
    else if (n.type === 'member_name' && n.parent?.type === 'invokation_expression') {
      if (NEWER_MEMBERS.has(n.text)) at(n, `.${n.text}() is PowerShell 3.0 or later`);
      else if (!DOTNET_2_0.has(n.text)) at(n, `.${n.text}() is not in the .NET 2.0 list`);
    }
  }
  return found;
}
