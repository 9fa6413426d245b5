#!/usr/bin/env python3
"""Checks tests/errors/*.gol against real Go (go build -gcflags=-e, which reports every error).

Each program must be rejected by Go; every error Go reports must be on a line carrying an
// ERROR "regexp" comment, and every regexp must match one of the errors Go reports on that line
(a multi-line message is matched with its continuation lines joined by newlines). Run it after
changing or adding a program:  python3 tests/errors/verify_with_go.py [name.gol ...]
"""
import os, re, subprocess, sys, tempfile, glob

here = os.path.dirname(os.path.abspath(__file__))
files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, '*.gol')))
bad = 0
for path in files:
    name = os.path.basename(path)
    src = open(path).read()
    want = {}
    for i, line in enumerate(src.split('\n'), 1):
        m = re.search(r'// ERROR (.*)$', line)
        if m:
            want[i] = re.findall(r'"([^"]*)"', m.group(1))
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, 'go.mod'), 'w').write('module x\n\ngo 1.19\n')
        open(os.path.join(d, 'main.go'), 'w').write(src)
        p = subprocess.run(['go', 'build', '-gcflags=-e', '-o', os.path.join(d, 'prog.bin'), '.'], cwd=d,
                           capture_output=True, text=True)
    got = {}
    cur = None
    for line in p.stderr.split('\n'):
        m = re.match(r'^\.?/?main\.go:(\d+):(\d+): (.*)$', line)
        if m:
            cur = [int(m.group(1)), m.group(3)]
            got.setdefault(cur[0], []).append(cur)
        elif line.startswith('\t') and cur is not None:
            cur[1] += '\n' + line
    msgs = {ln: [c[1] for c in cs] for ln, cs in got.items()}
    problems = []
    if p.returncode == 0:
        problems.append('go accepted the program')
    for ln, rxs in want.items():
        for rx in rxs:
            if not any(re.search(rx, m) for m in msgs.get(ln, [])):
                problems.append(f'line {ln}: no error matching {rx!r}; go said {msgs.get(ln)}')
    for ln, ms in msgs.items():
        if ln not in want and not any(m == 'too many errors' for m in ms):
            problems.append(f'line {ln}: unexpected error(s) {ms}')
    if problems:
        bad += 1
        print(f'FAIL {name}')
        for pr in problems:
            print('   ', pr)
    else:
        print(f'ok   {name}')
print(f'{len(files) - bad} ok, {bad} failing')
sys.exit(1 if bad else 0)
