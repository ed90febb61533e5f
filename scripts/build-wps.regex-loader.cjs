// Webpack loader of the WPS build: regular-expression literals that use lookbehind (`(?<!…)`, `(?<=…)`, ES2018)
// become `RegExp` constructor calls with a fallback without the lookbehind. Why: the WPS bundle targets ES2017 —
// the web view's engine differs between WPS releases, and an engine without lookbehind (before Chrome 62) rejects
// the whole script at parse time when such a literal is in it. Engines with lookbehind get the exact pattern;
// older ones run the fallback (the same pattern with its lookbehind groups removed: slightly looser matching).
const acorn = require('acorn');

const HELPER = '__drcRegExp';
const LOOKBEHIND = /\(\?<[!=]/;

/** The pattern with every `(?<!…)` / `(?<=…)` group removed (escapes, classes and nested groups respected). */
function withoutLookbehind(pattern) {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    if (pattern.startsWith('(?<!', i) || pattern.startsWith('(?<=', i)) {
      let depth = 0;
      let inClass = false;
      for (; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '\\') {
          i++;
          continue;
        }
        if (inClass) {
          if (ch === ']') inClass = false;
          continue;
        }
        if (ch === '[') inClass = true;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) {
          i++;
          break;
        }
      }
      continue;
    }
    if (pattern[i] === '\\') {
      out += pattern.slice(i, i + 2);
      i += 2;
      continue;
    }
    out += pattern[i++];
  }
  return out;
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (Array.isArray(v)) for (const c of v) walk(c, visit);
    else if (v && typeof v === 'object' && typeof v.type === 'string') walk(v, visit);
  }
}

/** Rewrites lookbehind regex literals of one module (the output of ts-loader). */
function downlevelRegExps(source) {
  if (!LOOKBEHIND.test(source)) return source;
  const ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  const edits = [];
  walk(ast, (node) => {
    if (node.type === 'Literal' && node.regex && LOOKBEHIND.test(node.regex.pattern)) {
      const { pattern, flags } = node.regex;
      edits.push([
        node.start,
        node.end,
        `${HELPER}(${JSON.stringify(pattern)}, ${JSON.stringify(flags)}, ${JSON.stringify(withoutLookbehind(pattern))})`,
      ]);
    }
  });
  if (edits.length === 0) return source;
  let out = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
    out = out.slice(0, start) + text + out.slice(end);
  const helper = `function ${HELPER}(p, f, q) { try { return new RegExp(p, f); } catch (e) { return new RegExp(q, f); } }\n`;
  return helper + out;
}

module.exports = function regexLoader(source) {
  return downlevelRegExps(source);
};
module.exports.downlevelRegExps = downlevelRegExps;
module.exports.withoutLookbehind = withoutLookbehind;
