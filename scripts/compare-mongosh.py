#!/usr/bin/env python3
"""Side-by-side listing benchmark: `autouser list --json` against the best hand-written mongosh
script and the per-user "Teleport way", as whole processes against the same sandbox.

Runs are interleaved (every round runs each tool once, in rotating order), so the machine's load
hits every tool alike and the ratios are fair even on a busy machine; absolute times are context.
Start-up is measured separately (`--version` / `mongosh --nodb`), peak RSS per process from wait4.

usage: scripts/compare-mongosh.py [--sizes 1000 10000 100000] [--rounds 5] [--cli NAME=LAUNCHER ...]
                                  [--mongosh PATH] [--per-user-max 10000] [--server-jar JAR]
  --cli NAME=LAUNCHER   a CLI to time, e.g. after='java -XX:SharedArchiveFile=target/autouser.jsa -jar
                        target/autouser.jar' (repeat it to compare builds or JVM options in one run;
                        default: cli=target/autouser.jar with its CDS archive target/autouser.jsa)
  --per-user-max N      skip the per-user script above N users (2 round trips per user)
Not part of CI: it needs a built jar (mvn -DskipTests package) and mongosh 2.12.0 (npm).
"""
import argparse, json, os, re, shlex, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def default_mongosh():
    for path in (os.environ.get('MONGOSH_BIN'), '/work/tools/mongosh/node_modules/.bin/mongosh',
                 '/work/tools/mongosh-perf/node_modules/.bin/mongosh'):
        if path and os.path.exists(path):
            return path
    return 'mongosh'


def run(cmd, stdout=subprocess.DEVNULL, timeout=3600, env=None):
    """Runs one process; returns (wall seconds, peak RSS MiB, exit code, stdout text or None, CPU seconds)."""
    out = tempfile.TemporaryFile() if stdout == 'capture' else stdout
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors='replace')
    text = None
    if stdout == 'capture':
        out.seek(0)
        text = out.read().decode(errors='replace')
    if proc.returncode != 0:
        sys.stderr.write('FAILED (%d): %s\n%s\n' % (proc.returncode, ' '.join(cmd), err[-2000:]))
    return wall, usage.ru_maxrss / 1024.0, proc.returncode, text, usage.ru_utime + usage.ru_stime


def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def versus(name, reference, value):
    if name == 'mongosh best':
        return 'reference'
    ratio = reference / value if reference and value else float('nan')
    return '%.2fx faster' % ratio if ratio >= 1 else '%.2fx slower' % (1 / ratio)


def load():
    return os.getloadavg()[0]


class Sandbox:
    def __init__(self, launcher, users, pki):
        self.proc = subprocess.Popen(launcher + ['demo-server', '--port', '0', '--pki-dir', pki, '--seed', 'demo',
                                                 '--users', str(users), '--activity-seconds', '100000'],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for line in self.proc.stdout:
            match = re.match(r'ready mongodb://localhost:(\d+)/', line)
            if match:
                self.port = match.group(1)
                break
        else:
            raise SystemExit('demo server did not start')
        self.pki = pki

    def close(self):
        self.proc.terminate()
        self.proc.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--sizes', type=int, nargs='+', default=[1000, 10000, 100000])
    parser.add_argument('--rounds', type=int, default=5, help='rounds per size (100,000: at most 3)')
    parser.add_argument('--cli', action='append', default=[], metavar='NAME=LAUNCHER')
    parser.add_argument('--mongosh', default=default_mongosh())
    parser.add_argument('--per-user-max', type=int, default=10000)
    parser.add_argument('--server-jar', default=os.path.join(ROOT, 'target', 'autouser.jar'),
                        help='jar that runs the sandbox (default target/autouser.jar; give a copy to rebuild meanwhile)')
    args = parser.parse_args()

    clis = []
    jar = os.path.join(ROOT, 'target', 'autouser.jar')
    default_cli = 'java -XX:SharedArchiveFile=%s -Xlog:disable -Xlog:all=error:stderr -jar %s' % (
        os.path.join(ROOT, 'target', 'autouser.jsa'), jar)
    for spec in args.cli or ['cli=' + default_cli]:
        name, _, launcher = spec.partition('=')
        clis.append((name, shlex.split(launcher)))
    server_launcher = ['java', '-Xmx3g', '-jar', args.server_jar]
    mongosh = [args.mongosh, '--quiet', '--norc']

    print('machine: %d cores, load average %.1f at start' % (os.cpu_count(), load()), flush=True)
    startup = {}
    for round_ in range(args.rounds):
        for name, launcher in clis:
            startup.setdefault(name, []).append(run(launcher + ['--version'])[0])
        startup.setdefault('mongosh', []).append(run(mongosh + ['--nodb', '--eval', '1'])[0])
    print('start-up (median of %d, no server): %s' % (args.rounds, ', '.join(
        '%s %.2f s' % (k, median(v)) for k, v in startup.items())), flush=True)

    rows = []
    for size in args.sizes:
        pki = tempfile.mkdtemp(prefix='autouser-compare-')
        sandbox = Sandbox(server_launcher, size, pki)
        try:
            uri = 'mongodb://localhost:%s/?tls=true' % sandbox.port
            tls = ['--tls-ca', pki + '/ca.pem', '--tls-cert', pki + '/dba.pem']
            shell = mongosh + ['--tls', '--host', 'localhost', '--port', sandbox.port, '--tlsCAFile', pki + '/ca.pem',
                               '--tlsCertificateKeyFile', pki + '/dba.pem', '--authenticationMechanism',
                               'MONGODB-X509', '--authenticationDatabase', '$external']
            # Each CLI gets a data folder of its own: a build must not meet another build's usage history
            # (a newer schema makes an older build skip the history, and so look cheaper than it is).
            tools = [(name, launcher + ['list', '--json', '--uri', uri] + tls,
                      dict(os.environ, AUTOUSER_HOME=tempfile.mkdtemp(prefix='autouser-compare-%s-' % name)))
                     for name, launcher in clis]
            tools.append(('mongosh best', shell + ['--file', os.path.join(ROOT, 'scripts/bench/list-best.js')], None))
            if size <= args.per_user_max:
                tools.append(('mongosh per-user', shell + ['--file', os.path.join(ROOT, 'scripts/bench/list-per-user.js')],
                              None))
            # One untimed run each: same answer from every tool, and warm page caches.
            counts = {}
            for name, cmd, env in tools:
                text = run(cmd, stdout='capture', env=env)[3]
                counts[name] = len(json.loads(text)) if text and text.strip() else -1
            print('%d users: listed %s' % (size, counts), flush=True)
            if len(set(counts.values())) != 1:
                print('  WARNING: the tools disagree on the number of auto-users', flush=True)
            rounds = args.rounds if size < 100000 else min(args.rounds, 3)
            times = {name: [] for name, _, _ in tools}
            rss = {name: [] for name, _, _ in tools}
            cpu = {name: [] for name, _, _ in tools}
            loads = [load()]
            for r in range(rounds):
                order = tools[r % len(tools):] + tools[:r % len(tools)]
                for name, cmd, env in order:
                    wall, peak, code, _, seconds = run(cmd, env=env)
                    times[name].append(wall)
                    rss[name].append(peak)
                    cpu[name].append(seconds)
                loads.append(load())
            for name, _, _ in tools:
                rows.append((size, name, median(times[name]), min(times[name]), max(rss[name]),
                             sum(loads) / len(loads), median(cpu[name])))
            print('%d users done (load %.1f)' % (size, sum(loads) / len(loads)), flush=True)
        finally:
            sandbox.close()

    print()
    # CPU time (user + system, whole process) is what a loaded machine inflates least: on 2 cores at
    # load 20 a process waits for most of its wall time, so both columns are printed.
    print('| users | tool | median wall | best | peak RSS | vs best mongosh (median) | CPU (median) | CPU vs best mongosh | load |')
    print('|---|---|---|---|---|---|---|---|---|')
    for size in args.sizes:
        mine = [r for r in rows if r[0] == size]
        reference = next((r[2] for r in mine if r[1] == 'mongosh best'), None)
        cpu_reference = next((r[6] for r in mine if r[1] == 'mongosh best'), None)
        for _, name, med, best, peak, avg_load, cpu_med in mine:
            print('| %s | %s | %.2f s | %.2f s | %.0f MiB | %s | %.2f s | %s | %.1f |' % (
                format(size, ','), name, med, best, peak, versus(name, reference, med), cpu_med,
                versus(name, cpu_reference, cpu_med), avg_load))
    print()
    print('start-up alone (no server): ' + ', '.join('%s %.2f s' % (k, median(v)) for k, v in startup.items()))


if __name__ == '__main__':
    main()
