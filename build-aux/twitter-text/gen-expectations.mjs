#!/usr/bin/env node
// gen-expectations.mjs — writes the expectations of the X counting
// differential test (tests/test-count-differential.c): texts that mix URLs
// after punctuation, emoji, scripts, mentions and hashtags, each with what
// the reference implementation (the twitter-text npm package, pinned in
// package.json) says about it.  Seeded, so the same command always writes
// the same file:
//
//   cd build-aux/twitter-text && npm ci
//   node gen-expectations.mjs > ../../tests/fixtures/twitter-text-differential.jsonl
//
// One JSON object a line: "t" the text, "w" parseTweet's weightedLength,
// "v" valid, "r" validRangeEnd (validRangeStart is always 0), "u" the
// [start, end) UTF-16 indices of extractUrlsWithIndices on the text.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const twttr = require('twitter-text');

const N_TEXTS = Number(process.argv[2] || 10000);
const SEED = 0x4b756c6d; // "Kulm"

// mulberry32: small, seeded, the same on every Node.
let state = SEED;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;
const cp = (...points) => String.fromCodePoint(...points);

const WORDS = {
  malay: ['Majlis', 'Perbandaran', 'Kulim', 'gotong-royong', 'dimuat naik', 'perakuan', 'Sabtu',
    'pagi', 'tengah hari', 'orang ramai', 'dijemput', 'hadir', 'Dewan', 'Jalan', 'Taman', 'aduan',
    'maklumat', 'lanjut', 'sila', 'layari', 'program', 'kempen', 'kebersihan', 'Yang Dipertua'],
  english: ['Council', 'residents', 'are', 'invited', 'details', 'at', 'see', 'more', 'visit',
    'register', 'now', 'clean-up', 'Saturday', 'free', 'entry', 'official', 'page'],
  chinese: ['古林', '市政局', '欢迎', '参加', '活动', '详情', '请浏览', '网站', '中文', '故人'],
  japanese: ['クリム', 'お知らせ', 'ご参加', 'ください', '詳細は', 'こちら', 'ケーキ'],
  korean: ['안녕하세요', '쿨림', '행사', '자세한'],
  thai: ['สวัสดี', 'เทศบาล', 'กิจกรรม', 'ดูเพิ่มเติม', 'ที่'],
  arabic: ['كوليم', 'مجلس', 'ڤربندارن', 'برسيه', 'معلومات', 'سلام'],
  tamil: ['கூலிம்', 'நகராட்சி', 'நிகழ்ச்சி'],
  devanagari: ['नगर', 'परिषद', '\u0915\u093c', '\u0958\u0959'],
  cyrillic: ['Кулим', 'совет', 'подробнее', 'сайт'],
  accents: ['café', 'Été', 'naïve', 'Ñandú', 'e\u0301te\u0301', 'A\u030a', 'Ωμέγα'],
};

const TLDS = {
  valid: ['com', 'my', 'gov.my', 'com.my', 'org', 'net', 'edu.my', 'co', 'tv', 'io', 'info',
    'app', 'xyz', 'jp', 'sg', 'id', 'uk', 'co.uk', 'de', 'berlin', 'museum', 'COM', 'My', 'Org',
    '中国', 'рф', 'みんな', 'コム', 'ไทย', 'شبكة', 'xn--p1ai', 'xn--fiqs8s', 'onion', 'ly', 'gl'],
  invalid: ['comx', 'c', 'local', 'abcdefg', 'internal', 'lan', 'mys', 'coma', 'x', 'xn--',
    'zz', 'exe', 'jpg', 'txt', 'pdf'],
};

const LABELS = ['mpkk', 'kulim', 'www', 'portal', 'e-aduan', 'my_site', 'a', 'b2b', 'mpkk-gov',
  'sub.domain', 'WWW', 'Kulim2026', 'café', 'кулим', '古林', 'ตัวอย่าง', 'مثال', 'xn--80ak6aa92e',
  'münchen', 'x'.repeat(62), 'y'.repeat(64), '-bad', 'bad-', 't', 'bit', 'fb', 'goo', 'instagram'];

const PATH_PARTS = ['berita', 'daftar', 'a/b/c', '2026/12/12', 'index.html', 'Primer_(film)',
  'S(dfd346)', 'We_Up_(Album_Version_(Edited))', '@user/', '~kulim', '%E5%8F%A4', 'café',
  'путь', 'a-b_c', 'file.pdf', 'x+y', 'a=b', '#top', 'ünï', '(', ')', "a'b", 'a!b', 'a;b',
  'a|b', 'a[1]', 'a$', 'a*b', '–dash', '', '中文'];

const QUERIES = ['?id=12', '?a=1&b=2', '?q=kulim', '?utm_source=fb&utm_medium=post', '?x',
  '?a=(1)', '?a=1.', '?a=1,', '?s=中', "?a='b'", '?a=1#f', '?', '?a=1!', '?a=@b'];

const PREFIX = ['', '', '', 'http://', 'https://', 'HTTPS://', 'Http://', 'ftp://', 'https:/',
  'https//', 'http://www.', 'www.'];

const PUNCT_BEFORE = ['', ' ', ' ', '…', '...', '.', ',', '(', '"', '“', '「', '、', '。', ':',
  '-', '_', '/', '@', '#', '$', '\u00a0', '\u3000', '\n', '\t', '\u200e', '\u202a', '\u2066',
  '＠', '＃', "'", '!', '?', '«', '\u061c', '\ufeff'];

const PUNCT_AFTER = ['', ' ', ' ', '.', ',', ')', '"', '”', '…', '...', '!', '?', ':', ';',
  '」', '。', '、', '-', '/', "'", '\u3000', '\n', '@', '+', '_', '#', '&', '=', '(', '.)', ').',
  '*', '~'];

// Emoji: single, presentation selectors, skin tones, ZWJ sequences, flags
// (real and not), subdivision tags, keycaps, newer emoji than twemoji 11.
const EMOJI = [
  () => pick(['😷', '🎉', '📢', '✅', '🇲🇾', '🏛', '🏛️', '☎', '☎️', '☎︎', '❤', '❤️', '❤︎',
    '©', '©️', '®', '®️', '™', '™️', '‼️', '↔', '↔️', '⌚', '⭐', '☀️', '✈️', '♟', '♟️', '🥲',
    '🫠', '🪷', '🧋', '🕌', '🛕', '🌙', '⛩️', '🀄', '🅰', '🅰️', '🈚', '🈶', 'ℹ️', 'Ⓜ️']),
  () => pick(['👍', '👋', '🙏', '👮', '🧑', '👩', '👨', '✌', '☝', '🤝', '💪', '👶', '🏃', '🦸']) +
        (chance(0.8) ? cp(0x1f3fb + int(5)) : '') + (chance(0.2) ? '\ufe0f' : ''),
  () => pick(['👨‍👩‍👧', '👨‍👩‍👧‍👦', '👩‍❤️‍👨', '👩‍❤‍👨', '👨‍💻', '👩🏽‍⚕️', '👮‍♀️', '👮🏿‍♂️',
    '🏳️‍🌈', '🏴‍☠️', '❤️‍🔥', '🧑‍🤝‍🧑', '🧑🏻‍🤝‍🧑🏿', '👁️‍🗨️', '🐕‍🦺', '😶‍🌫️', '🧔‍♂️', '👨‍🦰',
    '🫱🏻‍🫲🏿', '👩‍👩‍👦', '🧑‍🎄', '👩‍🚀', '🐻‍❄️']),
  () => {
    const ri = () => cp(0x1f1e6 + int(26));
    return pick(['🇲🇾', '🇸🇬', '🇯🇵', '🇬🇧', '🇺🇳', '🇪🇺']) + (chance(0.3) ? ri() : '') +
           (chance(0.3) ? ri() + ri() : '');
  },
  () => pick(['🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏴󠁭󠁹󠀰󠀹󠁿', '🏴']),
  () => pick(['#', '*', '0', '1', '7', '9']) + pick(['\ufe0f\u20e3', '\u20e3', '\ufe0f', '']),
  () => pick(['😷', '👍', '🇲🇾']).repeat(1 + int(4)),
  () => cp(0x1f3fb + int(5)) + (chance(0.5) ? '\u200d' : ''),
  () => pick(['\u200d', '\ufe0f', '\u20e3', '\ufe0e']),
];

function word() {
  const script = pick(Object.keys(WORDS));
  return pick(WORDS[script]);
}

function domain() {
  let d = '';
  const n = int(3);
  for (let i = 0; i < n; i++)
    d += pick(LABELS) + '.';
  if (chance(0.15))
    d += word() + pick(['', '.']);
  d += pick(LABELS) + '.';
  d += chance(0.8) ? pick(TLDS.valid) : pick(TLDS.invalid);
  if (chance(0.05))
    d = d.replace(/\./g, pick(['.', '。', '．']));
  return d;
}

function url() {
  let u = pick(PREFIX) + domain();
  if (chance(0.1))
    u += ':' + pick(['80', '8080', '443', '', 'x', '65536']);
  if (chance(0.5)) {
    const parts = 1 + int(3);
    for (let i = 0; i < parts; i++)
      u += '/' + pick(PATH_PARTS);
    if (chance(0.3))
      u += '/';
  }
  if (chance(0.25))
    u += pick(QUERIES);
  if (chance(0.05))
    u = 'https://t.co/' + pick(['abc123', 'A'.repeat(41), 'xYz', '']) + (chance(0.5) ? pick(QUERIES) : '') +
        (chance(0.3) ? '/more' : '');
  return u;
}

const MENTIONS = ['@mpkk', '@MPKK_Rasmi', '@jkr.kulim', '@user/list', '@a', '@_', '@' + 'x'.repeat(21),
  'aduan@mpkk.gov.my', '@mpkk.gov.my', '＠mpkk', '@@x', '@古林', 'RT @mpkk:'];
const HASHTAGS = ['#MPKK', '#KulimBersih', '#2026', '#Kulim_Sejahtera', '＃ケーキ', '#ÉtéKulim',
  '#古林', '#a#b', '$MPKK', '#สวัสดี', '#كوليم', '#mpkk.gov.my'];

function piece() {
  const r = random();
  if (r < 0.32)
    return pick(PUNCT_BEFORE) + url() + pick(PUNCT_AFTER);
  if (r < 0.55)
    return word();
  if (r < 0.72)
    return pick(EMOJI)();
  if (r < 0.8)
    return pick(MENTIONS);
  if (r < 0.88)
    return pick(HASHTAGS);
  if (r < 0.95)
    return pick(PUNCT_AFTER);
  return pick(['\ufffe', '\uffff', '\u200b', '\u00ad', 'a\u0300', '\u0958', '한', '\u1100\u1161',
    '\u2032', '\u2010', '\u2012', '—', '•', '…', '\u3002']);
}

function text() {
  const long = chance(0.18);
  const target = long ? 200 + int(400) : 1 + int(12);
  let t = '';
  for (let i = 0; (long ? t.length < target : i < target); i++) {
    const sep = pick(['', ' ', ' ', ' ', '\n', '\u00a0']);
    t += (t && sep) + piece();
  }
  return t;
}

for (let i = 0; i < N_TEXTS; i++) {
  const t = text();
  const parsed = twttr.parseTweet(t);
  const urls = twttr.extractUrlsWithIndices(t).map((u) => u.indices);
  process.stdout.write(JSON.stringify({
    t, w: parsed.weightedLength, v: parsed.valid, r: parsed.validRangeEnd, u: urls,
  }) + '\n');
}
