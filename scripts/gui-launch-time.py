#!/usr/bin/env python3
"""Time from starting the console to its window on screen: launch, then poll the X server until a
visible window titled "Auto-User Console" is mapped (JavaFX maps it when the first frame of the
stage is ready). Each launcher runs in turn, in rotating order, with a fresh data folder (the first-run
page, no saved profile). Needs an X display (run under xvfb-run) and xdotool.

usage: xvfb-run -a -s "-screen 0 1280x800x24" scripts/gui-launch-time.py [--rounds 5] NAME='LAUNCHER' ...
  e.g. cds='java -XX:SharedArchiveFile=target/autouser.jsa -Xlog:disable -Xlog:all=error:stderr -jar target/autouser.jar'
       installed='target/installer/autouser/bin/autouser'
Not part of CI.
"""
import argparse, os, shlex, shutil, subprocess, sys, tempfile, time


def visible(title):
    found = subprocess.run(['xdotool', 'search', '--onlyvisible', '--name', title],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return found.returncode == 0 and found.stdout.strip() != ''


def launch_time(launcher, timeout=60.0):
    home = tempfile.mkdtemp(prefix='autouser-launch-')
    env = dict(os.environ, AUTOUSER_HOME=home)
    started = time.monotonic()
    proc = subprocess.Popen(launcher, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.monotonic() - started < timeout:
            if visible('Auto-User Console'):
                return time.monotonic() - started
            if proc.poll() is not None:
                raise SystemExit('%s exited with %d before showing a window' % (' '.join(launcher), proc.returncode))
            time.sleep(0.01)
        raise SystemExit('no window after %.0f s: %s' % (timeout, ' '.join(launcher)))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--rounds', type=int, default=5)
    parser.add_argument('launchers', nargs='+', metavar="NAME='LAUNCHER'")
    args = parser.parse_args()
    if not os.environ.get('DISPLAY'):
        sys.exit('needs an X display: run it under xvfb-run')
    launchers = []
    for spec in args.launchers:
        name, _, command = spec.partition('=')
        launchers.append((name, shlex.split(command)))
    times = {name: [] for name, _ in launchers}
    loads = [os.getloadavg()[0]]
    for round_ in range(args.rounds + 1):
        order = launchers[round_ % len(launchers):] + launchers[:round_ % len(launchers)]
        for name, command in order:
            seconds = launch_time(command)
            if round_ > 0:  # the first round warms the page cache
                times[name].append(seconds)
        loads.append(os.getloadavg()[0])
    print('load average %.1f (%.1f-%.1f)' % (sum(loads) / len(loads), min(loads), max(loads)))
    print('| launcher | launch to window, median | best | worst |')
    print('|---|---|---|---|')
    for name, values in times.items():
        values.sort()
        print('| %s | %.2f s | %.2f s | %.2f s |' % (name, values[len(values) // 2], values[0], values[-1]))


if __name__ == '__main__':
    main()
