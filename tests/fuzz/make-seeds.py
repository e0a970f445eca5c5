#!/usr/bin/env python3
# make-seeds.py — builds the seed corpora and dictionaries of the libFuzzer
# targets from the data the tests already use, at fuzz time, so that no copy
# is committed and the seeds follow the data as it changes:
#
#   lint    every post of tests/corpus*/, the benchmark texts, the demo post
#           and every rule's good and bad examples from the built-in pack
#   count   the twitter-text conformance texts (read in place) and the posts,
#           each behind two bytes that choose the limit (280)
#   draft   the fixture and demo drafts, the fixture with its checklist
#           answered (test-bundle --write-fixture) and with other bodies
#           and platforms, and the smallest draft
#   policy  the built-in pack, and smaller packs cut from it (short
#           lexicons, fewer examples, one kind of rule) that load much faster
#   bundle  bundles exported by hebahan-cli from the fixture: as a .zip
#           (without the photos, to stay small), as a small re-zipped copy,
#           and as the text form fuzz-bundle reads
#
# Usage: make-seeds.py --source TOP --out DIR --cli HEBAHAN_CLI
#                      --test-bundle TEST_BUNDLE [--conformance DIR]
import argparse
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

LIMIT_280 = bytes([0x01, 0x17])  # fuzz-count: limit = 1 + 0x0117


def write_seed(folder, data):
    """Stores one seed under its SHA-1, as libFuzzer names corpus files."""
    if isinstance(data, str):
        data = data.encode('utf-8')
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), 'wb') as f:
        f.write(data)


def dict_entry(value):
    """One line of a libFuzzer dictionary: printable ASCII as is, the rest
    (and the quote and backslash) as \\xNN."""
    if isinstance(value, str):
        value = value.encode('utf-8')
    out = ''.join(chr(b) if 0x20 <= b < 0x7f and b not in (0x22, 0x5c)
                  else '\\x%02X' % b for b in value)
    return '"%s"\n' % out


def write_dict(path, values):
    with open(path, 'w') as f:
        for v in sorted(set(values)):
            if 0 < len(v.encode('utf-8')) <= 64:  # libFuzzer's longest entry
                f.write(dict_entry(v))


def json_keys(node, keys):
    if isinstance(node, dict):
        for k, v in node.items():
            keys.add(k)
            json_keys(v, keys)
    elif isinstance(node, list):
        for v in node:
            json_keys(v, keys)
    return keys


JSON_TOKENS = ['{', '}', '[', ']', ':', ',', '""', 'true', 'false', 'null',
               '-1', '0', '1e308', '"\\u0000"', '"\\ud800"',
               # what hb_json_load() refuses before json-glib parses: depth,
               # NULs, members twice (also spelt with an escape), and the
               # quoting and comments its scan must follow as json-glib does
               '[' * 32, ']' * 32, '{"a":' * 8, '}' * 8, '"\\u0061"', "'", "'[", '/*', '*/',
               '/* " */', '"\\\\u0000"']


def hostile_json(text):
    """Variants of the JSON object @text that the loaders must refuse, or
    take, without a crash: nested past the limit of 64 and just within it,
    a member twice (plainly and through an escape), a NUL in a string."""
    rest = text.lstrip()[1:]
    yield '{"x": ' + '[' * 70 + ']' * 70 + ', ' + rest
    yield '{"x": ' + '[' * 62 + ']' * 62 + ', ' + rest
    yield '{"format": "x", ' + rest
    yield '{"form\\u0061t": "x", ' + rest
    yield '{"x": "a\\u0000b", ' + rest
    yield '{"x": [\'[[[[\', /* " */ 1], ' + rest


def corpus_texts(top):
    for folder in ('corpus', 'corpus-independent'):
        path = os.path.join(top, 'tests', folder)
        for name in sorted(os.listdir(path)):
            if name.endswith('.json'):
                with open(os.path.join(path, name), encoding='utf-8') as f:
                    for post in json.load(f)['posts']:
                        yield post['text']


def rule_examples(pack):
    for rule in pack['rules']:
        for kind in ('bad', 'good'):
            yield from rule.get('examples', {}).get(kind, [])


def lexicon_terms(pack):
    for lexicon in pack['lexicons'].values():
        for term in lexicon.get('terms', []):
            yield term['term'] if isinstance(term, dict) else term


def seeds_lint(top, out, pack):
    folder = os.path.join(out, 'lint')
    for text in corpus_texts(top):
        write_seed(folder, text)
    for text in rule_examples(pack):
        write_seed(folder, text)
    for rel in ('tests/bench/caption-2200.txt', 'tests/bench/post-63206.txt',
                'data/demo/demo-post.txt'):
        with open(os.path.join(top, rel), 'rb') as f:
            write_seed(folder, f.read())
    write_dict(os.path.join(out, 'lint.dict'),
               [t for t in lexicon_terms(pack) if isinstance(t, str)] +
               ['\u200b', '\u00ad', '@', '0', '1', '3', '4', '5', '!!!', '...'])


def conformance_texts(conformance):
    path = os.path.join(conformance, 'twitter-text', 'validate.yml')
    if not os.path.exists(path):
        print('make-seeds: %s is not there; no conformance seeds' % path, file=sys.stderr)
        return
    import yaml
    with open(path, encoding='utf-8') as f:
        suite = yaml.safe_load(f)
    for section in suite['tests'].values():
        for case in section:
            if isinstance(case.get('text'), str):
                yield case['text']


def seeds_count(top, out, conformance):
    folder = os.path.join(out, 'count')
    for text in conformance_texts(conformance):
        write_seed(folder, LIMIT_280 + text.encode('utf-8'))
    for i, text in enumerate(corpus_texts(top)):
        if i % 4 == 0:  # a sample is enough: they are much alike
            write_seed(folder, LIMIT_280 + text.encode('utf-8'))
    write_dict(os.path.join(out, 'count.dict'),
               ['https://', 'http://', 'www.', '.com', '.my', '.gov.my', '/', '?', '#', '@',
                '\uff03', '\uff20', '_', '.', '\U0001F637', '\u200d', '\ufe0f', '\U0001F3FD',
                '\U0001F1F2\U0001F1FE', '\u6545', '\u0958', '\ufb2c', '\u0301', '\u202a',
                '\ufffe', '\U0001F468\u200d\U0001F469\u200d\U0001F467'])


def answered_fixture(top, test_bundle, work):
    """The fixture and its photos copied to @work, checklist answered."""
    shutil.copytree(os.path.join(top, 'tests', 'fixtures'), os.path.join(work, 'fixtures'))
    draft = os.path.join(work, 'fixtures', 'complete.hebahan')
    subprocess.run([test_bundle, '--write-fixture', draft], check=True,
                   stdout=subprocess.DEVNULL)
    return draft


def seeds_draft(top, out, draft):
    folder = os.path.join(out, 'draft')
    keys = set()
    for path in (os.path.join(top, 'tests', 'fixtures', 'complete.hebahan'),
                 os.path.join(top, 'data', 'demo', 'demo.hebahan'), draft):
        with open(path, 'rb') as f:
            data = f.read()
        write_seed(folder, data)
        json_keys(json.loads(data), keys)
    # The answered fixture with other bodies and platforms, and the least
    # a draft can be.
    base = json.loads(data)
    platforms = [['x'], ['threads', 'instagram'], ['tiktok', 'youtube', 'facebook']]
    for i, text in enumerate(list(corpus_texts(top))[::60]):
        variant = dict(base, body=text, platforms=platforms[i % len(platforms)])
        write_seed(folder, json.dumps(variant, ensure_ascii=False, indent=1))
    write_seed(folder, '{"format": "hebahan-draft/1"}')
    for variant in hostile_json(json.dumps(base, ensure_ascii=False)):
        write_seed(folder, variant)
    write_dict(os.path.join(out, 'draft.dict'),
               ['"%s"' % k for k in keys] + JSON_TOKENS +
               ['"hebahan-draft/1"', '"2026-12-12"', '"8.00 pagi"', '"14:30"',
                '"2026-12-12T08:00:00+08:00"', '"x"', '"facebook"', '"threads"'])


def smaller_packs(pack):
    """Packs cut from the built-in one: short lexicons, one example of
    each sort per rule; then one pack per kind of rule."""
    small = json.loads(json.dumps(pack))
    for lexicon in small['lexicons'].values():
        lexicon['terms'] = lexicon.get('terms', [])[:3]
    for rule in small['rules']:
        if 'examples' in rule:  # required: keep the first of each
            rule['examples'] = {k: v[:1] for k, v in rule['examples'].items()}
    small['allow'] = small['allow'][:3]
    yield small
    for kind in sorted({r['kind'] for r in small['rules']}):
        one = json.loads(json.dumps(small))
        one['rules'] = [r for r in one['rules'] if r['kind'] == kind]
        yield one


def seeds_policy(top, out, cli, pack_path, pack):
    folder = os.path.join(out, 'policy')
    with open(pack_path, 'rb') as f:
        last_valid = f.read().decode('utf-8')
        write_seed(folder, last_valid)
    for small in smaller_packs(pack):
        data = json.dumps(small, ensure_ascii=False, indent=1)
        with tempfile.NamedTemporaryFile('w', suffix='.json', encoding='utf-8') as f:
            f.write(data)
            f.flush()
            valid = subprocess.run([cli, 'policy', 'validate', f.name],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
        if valid:  # an invalid cut would only teach the fuzzer to stop early
            write_seed(folder, data)
            last_valid = data
    # The smallest valid cut made hostile: it must be refused, and fast.
    for variant in hostile_json(last_valid):
        write_seed(folder, variant)
    write_dict(os.path.join(out, 'policy.dict'),
               ['"%s"' % k for k in json_keys(pack, set())] + JSON_TOKENS +
               ['"hebahan-policy/1"', '"lexicon"', '"pattern"', '"substitution"',
                '"cooccurrence"', '"caps"', '"punctuation"', '"post"', '"auto"', '"confirm"',
                '"warning"', '"error"', '"info"', '"none"', '"malay"', '"english"', '"upper"'])


def bundle_text(folder):
    """fuzz-bundle's text form; files over 16 KB (photos, the PDF) are cut
    short, which makes them "changed" but keeps the seed small."""
    parts = []
    for root, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            path = os.path.join(root, name)
            with open(path, 'rb') as f:
                data = f.read()
            rel = os.path.relpath(path, folder)
            parts.append(b'--- ' + rel.encode() + b'\n' + (data if len(data) <= 16384 else data[:256]))
    return b'\n'.join(parts)


def seeds_bundle(out, cli, test_bundle, draft, work):
    folder = os.path.join(out, 'bundle')
    dest = os.path.join(work, '2026-12-12-gotong-royong')
    subprocess.run([cli, 'export', draft, '--output', dest], check=True, stdout=subprocess.DEVNULL)
    # The zip as Hebahan writes it, without the photos: a zip seed of 45 KB
    # rather than 170 KB keeps the target quick.
    with open(draft, encoding='utf-8') as f:
        post = json.load(f)
    post['media'] = []
    no_media = os.path.join(os.path.dirname(draft), 'no-media.hebahan')
    with open(no_media, 'w', encoding='utf-8') as f:
        json.dump(post, f, ensure_ascii=False)
    subprocess.run([test_bundle, '--write-fixture', no_media], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([cli, 'export', no_media, '--output', dest + '.zip'], check=True,
                   stdout=subprocess.DEVNULL)
    with open(dest + '.zip', 'rb') as f:
        write_seed(folder, f.read())
    text = bundle_text(dest)
    write_seed(folder, text)
    small = io.BytesIO()
    with zipfile.ZipFile(small, 'w') as z:
        for name in ('manifest.json', 'SHA256SUMS', 'caption.txt', 'alt-text.txt'):
            z.write(os.path.join(dest, name), 'bundle/' + name, zipfile.ZIP_STORED)
        z.write(os.path.join(dest, 'caption.txt'), 'bundle/captions/x.txt', zipfile.ZIP_DEFLATED)
    write_seed(folder, small.getvalue())
    # What verify must report, not follow: a link, "../" and absolute paths.
    odd = io.BytesIO()
    with zipfile.ZipFile(odd, 'w') as z:
        for name in ('manifest.json', 'SHA256SUMS'):
            z.write(os.path.join(dest, name), 'bundle/' + name, zipfile.ZIP_STORED)
        link = zipfile.ZipInfo('bundle/caption.txt')
        link.create_system = 3
        link.external_attr = 0o120777 << 16
        z.writestr(link, '../../etc/passwd')
        z.writestr(zipfile.ZipInfo('../evil.txt'), 'x')
        z.writestr(zipfile.ZipInfo('/tmp/evil.txt'), 'x')
    write_seed(folder, odd.getvalue())
    # The text form with a hostile manifest.
    with open(os.path.join(dest, 'manifest.json'), encoding='utf-8') as f:
        manifest = f.read()
    for variant in hostile_json(manifest):
        write_seed(folder, text.replace(manifest.encode('utf-8'), variant.encode('utf-8')))
    with open(os.path.join(dest, 'manifest.json'), 'rb') as f:
        keys = json_keys(json.load(f), set())
    write_dict(os.path.join(out, 'bundle.dict'),
               ['"%s"' % k for k in keys] + JSON_TOKENS +
               ['--- ', '\n--- ', 'manifest.json', 'SHA256SUMS', 'media/', 'captions/',
                '"hebahan-bundle/2"', '"hebahan-bundle/1"', '  ', ' *', 'PK\x03\x04', 'PK\x01\x02', 'PK\x05\x06'])


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--source', required=True)
    p.add_argument('--out', required=True)
    p.add_argument('--cli', required=True)
    p.add_argument('--test-bundle', required=True)
    p.add_argument('--conformance')
    a = p.parse_args()
    top = os.path.abspath(a.source)
    conformance = a.conformance or os.path.join(top, '..', 'shared', 'conformance')
    pack_path = os.path.join(top, 'data', 'policy', 'mpkk.json')
    with open(pack_path, encoding='utf-8') as f:
        pack = json.load(f)

    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    with tempfile.TemporaryDirectory(prefix='hb-seeds-') as work:
        draft = answered_fixture(top, a.test_bundle, work)
        seeds_lint(top, a.out, pack)
        seeds_count(top, a.out, conformance)
        seeds_draft(top, a.out, draft)
        seeds_policy(top, a.out, a.cli, pack_path, pack)
        seeds_bundle(a.out, a.cli, a.test_bundle, draft, work)
    for target in sorted(os.listdir(a.out)):
        if os.path.isdir(os.path.join(a.out, target)):
            print('seeds %-7s %4d files' % (target, len(os.listdir(os.path.join(a.out, target)))))


if __name__ == '__main__':
    main()
