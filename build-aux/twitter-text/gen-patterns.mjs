#!/usr/bin/env node
// gen-patterns.mjs — writes src/core/platforms/hb-count-twitter.h: the regular
// expressions that decide what X calls a URL and an emoji, taken as data
// from the twitter-text npm package (pinned in package.json) and the
// twemoji-parser package it depends on, and rewritten for PCRE2 (GRegex):
//
//   cd build-aux/twitter-text && npm ci
//   node gen-patterns.mjs > ../../src/core/platforms/hb-count-twitter.h
//
// JavaScript runs these expressions over UTF-16 code units, without the
// "u" flag; GRegex runs over code points.  The rewrite keeps their meaning:
// a high and a low surrogate in sequence become one astral code point, a
// class holding every surrogate also holds every astral code point (JS
// matches an astral character as two such units), the "i" flag becomes
// explicit case variants computed with JavaScript's own case mapping (so
// that PCRE's wider Unicode case folding, the Kelvin sign for "k", does
// not apply), "$" becomes "\z", and the lists of top-level domains become
// tries (see tldAlternation).  Every character outside [A-Za-z0-9]
// is written as \x{…}, so the header is plain ASCII.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = (name) => require(name + '/package.json');
const tt = (name) => require('twitter-text/dist/regexp/' + name);
const twemoji = require('twemoji-parser/dist/lib/regex').default;

// ---------------------------------------------------------------------
// JavaScript's case-insensitive matching without "u" (ECMA-262
// Canonicalize): a unit's upper case, unless that is several units or
// takes a non-ASCII unit to ASCII.

const canon = new Uint16Array(0x10000);
const byCanon = new Map();
for (let u = 0; u < 0x10000; u++) {
  const up = String.fromCharCode(u).toUpperCase();
  let c = u;
  if (up.length === 1 && !(u >= 128 && up.charCodeAt(0) < 128))
    c = up.charCodeAt(0);
  canon[u] = c;
  if (!byCanon.has(c))
    byCanon.set(c, []);
  byCanon.get(c).push(u);
}

// Sets of code units as sorted, merged [lo, hi] ranges.
function normalize(ranges) {
  const sorted = ranges.map((r) => r.slice()).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1)
      last[1] = Math.max(last[1], r[1]);
    else
      out.push(r);
  }
  return out;
}

function complement(ranges, max) {
  const out = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next)
      out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= max)
    out.push([next, max]);
  return out;
}

function caseClosure(ranges) {
  const canons = new Set();
  for (const [lo, hi] of ranges)
    for (let u = lo; u <= hi; u++)
      canons.add(canon[u]);
  const units = [];
  for (const c of canons)
    for (const u of byCanon.get(c))
      units.push([u, u]);
  return normalize(units);
}

// ---------------------------------------------------------------------
// A parser for the part of JavaScript's syntax these expressions use.

function parse(source, ignoreCase) {
  let i = 0;
  const peek = () => source[i];
  const fail = (what) => { throw new Error(`${what} at ${i}: ${source.slice(i, i + 40)}`); };

  function escapeUnit() {
    // after the backslash
    const c = source[i++];
    if (c === 'u') {
      const hex = source.slice(i, i + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex))
        fail('bad \\u');
      i += 4;
      return parseInt(hex, 16);
    }
    if (c === 'x') {
      const hex = source.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(hex))
        fail('bad \\x');
      i += 2;
      return parseInt(hex, 16);
    }
    const controls = { t: 9, n: 10, v: 11, f: 12, r: 13 };
    if (c in controls)
      return controls[c];
    if (/[A-Za-z0-9]/.test(c))
      fail('unsupported escape \\' + c);
    return c.charCodeAt(0);
  }

  function set(ranges, negated) {
    let r = normalize(ranges);
    if (ignoreCase)
      r = caseClosure(r);
    if (negated)
      r = complement(r, 0xffff);
    return { type: 'set', ranges: r };
  }

  function classAtom() {
    if (peek() === '\\') {
      i++;
      return escapeUnit();
    }
    return source.charCodeAt(i++);
  }

  function charClass() {
    i++; // [
    let negated = false;
    if (peek() === '^') {
      negated = true;
      i++;
    }
    const ranges = [];
    while (peek() !== ']') {
      if (i >= source.length)
        fail('unterminated class');
      const lo = classAtom();
      if (peek() === '-' && source[i + 1] !== ']') {
        i++;
        const hi = classAtom();
        if (hi < lo)
          fail('bad range');
        ranges.push([lo, hi]);
      } else {
        ranges.push([lo, lo]);
      }
    }
    i++; // ]
    return set(ranges, negated);
  }

  function atom() {
    const c = peek();
    if (c === '(') {
      i++;
      let kind = 'capture';
      if (source.startsWith('?:', i)) { kind = 'group'; i += 2; }
      else if (source.startsWith('?=', i)) { kind = 'ahead'; i += 2; }
      else if (source.startsWith('?!', i)) { kind = 'not-ahead'; i += 2; }
      else if (peek() === '?') fail('unsupported group');
      const body = alternation();
      if (peek() !== ')')
        fail('unclosed group');
      i++;
      return { type: kind, body };
    }
    if (c === '[')
      return charClass();
    if (c === '^' || c === '$') {
      i++;
      return { type: c === '^' ? 'start' : 'end' };
    }
    if (c === '.')
      fail('unsupported "."');
    if (c === '\\') {
      i++;
      return set([[escapeUnit(), source.charCodeAt(i - 1)]].map(([u]) => [u, u]), false);
    }
    if ('*+?{'.includes(c))
      fail('quantifier without atom');
    i++;
    return set([[c.charCodeAt(0), c.charCodeAt(0)]], false);
  }

  function quantified() {
    let a = atom();
    for (;;) {
      const c = peek();
      let min, max;
      if (c === '*') { min = 0; max = Infinity; i++; }
      else if (c === '+') { min = 1; max = Infinity; i++; }
      else if (c === '?') { min = 0; max = 1; i++; }
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!m)
          fail('bad {');
        min = Number(m[1]);
        max = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : min;
        i += m[0].length;
      } else {
        return a;
      }
      let greedy = true;
      if (peek() === '?') { greedy = false; i++; }
      a = { type: 'quant', min, max, greedy, item: a };
    }
  }

  function sequence() {
    const items = [];
    while (i < source.length && peek() !== '|' && peek() !== ')')
      items.push(quantified());
    return { type: 'seq', items };
  }

  function alternation() {
    const alts = [sequence()];
    while (peek() === '|') {
      i++;
      alts.push(sequence());
    }
    return { type: 'alt', alts };
  }

  const tree = alternation();
  if (i !== source.length)
    fail('trailing text');
  return tree;
}

// ---------------------------------------------------------------------
// Code units to code points, and PCRE2 syntax.

const HIGH = [0xd800, 0xdbff];
const LOW = [0xdc00, 0xdfff];
const within = (ranges, [lo, hi]) => ranges.every(([a, b]) => a >= lo && b <= hi);
const covers = (ranges, [lo, hi]) => ranges.some(([a, b]) => a <= lo && b >= hi);
const touches = (ranges, [lo, hi]) => ranges.some(([a, b]) => a <= hi && b >= lo);

function surrogatePair(high, low) {
  const out = [];
  for (const [hlo, hhi] of high)
    for (let h = hlo; h <= hhi; h++)
      for (const [llo, lhi] of low)
        out.push([0x10000 + ((h - 0xd800) << 10) + (llo - 0xdc00),
                  0x10000 + ((h - 0xd800) << 10) + (lhi - 0xdc00)]);
  return { type: 'set', ranges: normalize(out), astral: true };
}

// A set of units as a set of code points: all surrogates stand for every
// astral code point; some surrogates only make sense in a pair.
function codePoints(node) {
  if (node.astral || !touches(node.ranges, [0xd800, 0xdfff]))
    return node;
  if (!covers(node.ranges, [0xd800, 0xdfff]))
    throw new Error('a lone surrogate outside a pair');
  const bmp = complement(normalize(complement(node.ranges, 0xffff).concat([[0xd800, 0xdfff]])), 0xffff);
  return { type: 'set', ranges: normalize(bmp.concat([[0x10000, 0x10ffff]])), astral: true };
}

// twitter-text's TLD lists are alternations of ~1,500 literals, which PCRE
// tries one by one.  Each is followed by a look-ahead that refuses a
// letter, digit or hyphen after it, so of the ASCII literals at most one
// can match at any place (a shorter one is followed by a letter of the
// longer): they may be tried in any order, and are written as a trie.
// The other literals keep their order; none starts like an ASCII one.
const literal = (seq) => seq.type === 'seq' && seq.items.length > 0 &&
                         seq.items.every((it) => it.type === 'set');
const asciiOnly = (seq) => seq.items.every((it) => it.ranges.every(([, hi]) => hi < 0x80));
const inRanges = (ranges, c) => ranges.some(([lo, hi]) => c >= lo && c <= hi);

function refusesAfter(ahead, seqs) {
  const first = ahead.body.alts[0];
  if (!first || first.items.length !== 1 || first.items[0].type !== 'set')
    return false;
  const allowed = first.items[0].ranges;
  return seqs.every((seq) => seq.items.every((it) => it.ranges.every(([lo, hi]) => {
    for (let c = lo; c <= hi; c++)
      if (inRanges(allowed, c))
        return false;
    return true;
  })));
}

function trie(seqs) {
  const root = { terminal: false, children: new Map() };
  for (const seq of seqs) {
    let node = root;
    for (const it of seq.items) {
      const key = JSON.stringify(it.ranges);
      if (!node.children.has(key))
        node.children.set(key, { set: it, node: { terminal: false, children: new Map() } });
      node = node.children.get(key).node;
    }
    node.terminal = true;
  }
  return root;
}

function emitTrie(node) {
  const branches = [...node.children.values()].map(({ set, node: child }) => emit(set) + emitTrie(child));
  if (branches.length === 0)
    return '';
  const group = branches.length === 1 && !node.terminal ? branches[0] : '(?:' + branches.join('|') + ')';
  return node.terminal ? (branches.length === 1 ? '(?:' + branches[0] + ')?' : group + '?') : group;
}

function tldAlternation(group, ahead) {
  const alts = group.body.alts;
  if (alts.length < 20 || !alts.every(literal))
    return null;
  const ascii = alts.filter(asciiOnly);
  if (!refusesAfter(ahead, ascii))
    return null;
  const others = alts.filter((a) => !asciiOnly(a)).map((a) => emit(convert(a)));
  return { type: 'raw', text: (group.type === 'capture' ? '(' : '(?:') +
                               [emitTrie(trie(ascii))].concat(others).join('|') + ')' };
}

function convert(node) {
  switch (node.type) {
  case 'alt':
    return { type: 'alt', alts: node.alts.map(convert) };
  case 'seq': {
    const items = [];
    for (let k = 0; k < node.items.length; k++) {
      const a = node.items[k], b = node.items[k + 1];
      const tlds = (a.type === 'group' || a.type === 'capture') && b && b.type === 'ahead' ? tldAlternation(a, b) : null;
      if (tlds) {
        items.push(tlds);
      } else if (a.type === 'set' && !a.astral && touches(a.ranges, HIGH) && within(a.ranges, HIGH)) {
        if (!b || b.type !== 'set' || !within(b.ranges, LOW))
          throw new Error('a high surrogate without a low one after it');
        items.push(surrogatePair(a.ranges, b.ranges));
        k++;
      } else {
        items.push(convert(a));
      }
    }
    return { type: 'seq', items };
  }
  case 'set':
    return codePoints(node);
  case 'quant':
    return { ...node, item: convert(node.item) };
  case 'capture': case 'group': case 'ahead': case 'not-ahead':
    return { type: node.type, body: convert(node.body) };
  default:
    return node;
  }
}

const hex = (u) => /[A-Za-z0-9]/.test(String.fromCodePoint(u)) ? String.fromCodePoint(u)
                                                                 : `\\x{${u.toString(16).toUpperCase()}}`;

function emit(node) {
  switch (node.type) {
  case 'alt':
    return node.alts.map(emit).join('|');
  case 'seq':
    return node.items.map(emit).join('');
  case 'set': {
    const r = node.ranges;
    if (r.length === 1 && r[0][0] === r[0][1])
      return hex(r[0][0]);
    return '[' + r.map(([lo, hi]) => lo === hi ? hex(lo) : hi === lo + 1 ? hex(lo) + hex(hi)
                                                                 : hex(lo) + '-' + hex(hi)).join('') + ']';
  }
  case 'quant': {
    const q = node.min === 0 && node.max === Infinity ? '*'
            : node.min === 1 && node.max === Infinity ? '+'
            : node.min === 0 && node.max === 1 ? '?'
            : `{${node.min},${node.max === Infinity ? '' : node.max}}`;
    return emit(node.item) + q + (node.greedy ? '' : '?');
  }
  case 'capture': return '(' + emit(node.body) + ')';
  case 'group': return '(?:' + emit(node.body) + ')';
  case 'ahead': return '(?=' + emit(node.body) + ')';
  case 'not-ahead': return '(?!' + emit(node.body) + ')';
  case 'raw': return node.text;
  case 'start': return '^';
  case 'end': return '\\z';
  default:
    throw new Error('cannot emit ' + node.type);
  }
}

function pcre(regex) {
  return emit(convert(parse(regex.source, regex.flags.includes('i'))));
}

function cString(name, pattern, why) {
  // Split before escaping, so that no line ends inside an escape.
  const lines = [];
  for (let k = 0; k < pattern.length; k += 90)
    lines.push('  "' + pattern.slice(k, k + 90).replace(/\\/g, '\\\\') + '"');
  return `/* ${why} */\nstatic const char ${name}[] =\n${lines.join('\n')};\n`;
}

const out = [
  '/* SPDX-License-Identifier: Apache-2.0 AND MIT */',
  '/* hb-count-twitter.h — generated by build-aux/twitter-text/gen-patterns.mjs; do not edit.',
  ` * Data, not code: the regular expressions of twitter-text ${pkg('twitter-text').version} (Apache-2.0,`,
  ` * Copyright 2018 Twitter, Inc.) and twemoji-parser ${pkg('twemoji-parser').version} (MIT, Copyright Twitter`,
  ' * Inc.), as published on npm, rewritten for GRegex over code points. */',
  '#pragma once',
  '',
  cString('hb_tw_extract_url', pcre(tt('extractUrl')),
          'A URL with the character before it.  Groups: 2 the character before, 3 the URL,\n' +
          ' * 4 the protocol, 5 the domain, 7 the path.'),
  cString('hb_tw_ascii_domain', pcre(tt('validAsciiDomain')),
          'An ASCII domain inside a domain found without a protocol.'),
  cString('hb_tw_tco_url', pcre(tt('validTcoUrl')),
          'A t.co link: group 1 its slug; the match is what counts of it.'),
  cString('hb_tw_emoji', pcre(twemoji), 'One emoji sequence as Twemoji knows it.'),
];
process.stdout.write(out.join('\n'));
