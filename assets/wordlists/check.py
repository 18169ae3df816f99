#!/usr/bin/env python3
"""Re-checks the receipt-code word lists (see README.md). Prints counts; exits 1 on a problem."""
import math, re, sys, unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parent
problems = []

def fail(msg):
    problems.append(msg)

def latin_key(w):
    d = unicodedata.normalize('NFD', w.casefold())
    return ''.join(c for c in d if not unicodedata.combining(c))

TASHKEEL = re.compile('[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]')
def arabic_key(w, lenient=False):
    w = TASHKEEL.sub('', unicodedata.normalize('NFC', w)).replace('\u0640', '')
    for a in 'أإآٱ':
        w = w.replace(a, 'ا')
    w = w.replace('ى', 'ي').replace('ة', 'ه').replace('ؤ', 'و').replace('ئ', 'ي')
    if lenient:
        w = w.replace('ء', '').replace('ی', 'ي').replace('ک', 'ك')
    return w

def lines(path):
    return [l.rstrip('\n') for l in path.read_text(encoding='utf-8').splitlines()]

def excluded(path):
    out = []
    for l in lines(path):
        if not l.strip() or l.startswith('#'):
            continue
        out.append(l.split(' # ')[0].strip())
    return out

def report(lang, full, ex):
    allowed = len(full) - len(set(ex))
    bits = math.log2(allowed)
    n = math.ceil(100 / bits)
    print(f'{lang}: {len(full)} words, {len(set(ex))} excluded, {allowed} allowed, '
          f'{bits:.2f} bits a word, {n} words for >= 100 bits ({n * bits:.1f})')

# English
eff = [l.split('\t')[1].strip() for l in lines(ASSETS / 'eff_large_wordlist.txt') if '\t' in l]
eff = [w for w in eff if '-' not in w]
en_ex = excluded(ASSETS / 'receipt_excluded_words.txt')
if len(set(en_ex)) != len(en_ex): fail('en: duplicate exclusions')
for w in en_ex:
    if w not in eff: fail(f'en: excluded word not in list: {w}')
if len(eff) - len(set(en_ex)) < 5793: fail('en: fewer than 5,793 allowed words (8 words < 100 bits)')
report('en', eff, en_ex)

# Spanish, French
for lang in ('es', 'fr'):
    full = lines(HERE / f'{lang}.txt')
    if len(full) != 2048: fail(f'{lang}: not 2,048 words')
    if any(not unicodedata.is_normalized('NFC', w) or w != w.strip() or not w for w in full):
        fail(f'{lang}: a word is not NFC or has spaces')
    keys = [latin_key(w) for w in full]
    if len(set(keys)) != len(keys): fail(f'{lang}: words collide after accent stripping')
    if len({k[:4] for k in keys}) != len(keys): fail(f'{lang}: first four letters not unique')
    ex = excluded(HERE / f'{lang}_excluded.txt')
    for w in ex:
        if w not in full: fail(f'{lang}: excluded word not in list: {w}')
    report(lang, full, ex)

# Arabic
ar = lines(HERE / 'ar.txt')
for w in ar:
    if not re.fullmatch('[\u0621-\u063A\u0641-\u064A]+', w) or not unicodedata.is_normalized('NFC', w):
        fail(f'ar: unexpected character in {w!r}')
for lenient in (False, True):
    keys = [arabic_key(w, lenient) for w in ar]
    if len(set(keys)) != len(keys):
        seen = {}
        for w, k in zip(ar, keys):
            if k in seen: fail(f'ar: {w} and {seen[k]} collide after normalisation (lenient={lenient})')
            seen[k] = w
report('ar', ar, [])

if problems:
    print('\n'.join(problems), file=sys.stderr)
    sys.exit(1)
print('ok')
