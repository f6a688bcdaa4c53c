#!/usr/bin/env python3
"""ARCD retrieval on two fixed halves of a split by article: even article index = tuning half (T),
odd = report half (R). Writes /tmp/arcd_T.json and /tmp/arcd_R.json and runs the fixed scorer
(../shared/tools/arcd_retrieval.py) on each, so stemming/stopword changes are tuned on T only.

Usage: arcd_halves.py [CFG] [T|R|both] [psql args...]   (defaults: ar both, psql from PG* env)"""
import json, os, subprocess, sys

def main():
    args = sys.argv[1:]
    cfg = args.pop(0) if args else 'ar'
    which = args.pop(0) if args and args[0] in ('T', 'R', 'both') else 'both'
    shared = os.environ.get('PGARABIC_SHARED', os.path.join(os.path.dirname(__file__), '../../../shared'))
    dev = os.path.join(shared, 'data/arcd/dev.json')
    data = json.load(open(dev, encoding='utf-8'))
    for name, parity in (('T', 0), ('R', 1)):
        if which not in (name, 'both'):
            continue
        half = dict(data, data=[a for i, a in enumerate(data['data']) if i % 2 == parity])
        out = f'/tmp/arcd_{name}.json'
        json.dump(half, open(out, 'w', encoding='utf-8'), ensure_ascii=False)
        r = subprocess.run([sys.executable, os.path.join(shared, 'tools/arcd_retrieval.py'), out, cfg, *args],
                           capture_output=True, text=True)
        if r.returncode:
            sys.exit(r.stderr)
        print(f'{cfg} {name}: {r.stdout.strip()}')

main()
