#!/usr/bin/env bash
# Checks what installer/build.sh produced, the way a DBA would use it (CI runs it after build.sh):
#   1. the app-image launcher prints the POM's version with --version and nothing else;
#   2. the launcher runs the embedded demo server (`autouser demo-server --port 0`) and a CLI
#      listing against it (`autouser list --uri ... --tls-ca ... --tls-cert ... --json`), whose
#      stdout is clean JSON; logs land in a rolling file under the data folder, not on stdout;
#   3. with no arguments under Xvfb (when xvfb-run is installed), the launcher opens the console
#      window (JavaFX from the runtime's modules, ControlsFX opens) and keeps running;
#   4. the .deb's control file declares GTK 3 and the other run-time libraries, installs under
#      /opt/autouser with a desktop entry and icon;
#   5. both stay under the size budget (100 MB each), and the runtime's module list
#      (installer/jpackage/modules.txt) still covers every JDK module jdeps finds in the code;
#   6. with --install (root, throwaway machines such as CI only): `apt-get install ./<deb>` works
#      on a machine without a desktop, puts `autouser` on PATH and in the menu, and
#      `apt-get purge` takes all of it away again.
# usage: installer/smoke-test.sh [--install]   (exit 0 when every check passed)
set -euo pipefail
cd "$(dirname "$0")/.."
install_deb=false
[ "${1:-}" = --install ] && install_deb=true

launcher=target/installer/autouser/bin/autouser
# Issue 14: the installer stays under 100 MB with the PostgreSQL demo binaries (14.9 MB) inside.
budget_kb=$((100 * 1024))
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { # check "description" command...
  local what=$1; shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

[ -x "$launcher" ] || { echo "FAIL no launcher at $launcher; run installer/build.sh first"; exit 1; }
# Everything the launcher writes (profiles, demo PKI, logs) goes to a throwaway folder.
export AUTOUSER_HOME="$work/home"
pom_version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)

# 1. --version
version_out=$("$launcher" --version 2>"$work/version.err")
check "--version prints 'autouser $pom_version'" [ "$version_out" = "autouser $pom_version" ]
check "--version writes nothing to stderr" [ ! -s "$work/version.err" ]
if [ -x "${launcher}-cli" ]; then
  # Linux: the command-line launcher (C1 only, serial GC, same archive) is the same program.
  cli_version_out=$("${launcher}-cli" --version 2>"$work/cli-version.err")
  check "autouser-cli --version prints 'autouser $pom_version' and nothing on stderr" \
    sh -c "[ '$cli_version_out' = 'autouser $pom_version' ] && [ ! -s '$work/cli-version.err' ]"
fi

# 2. demo server + CLI listing through the installed launcher
"$launcher" demo-server --port 0 --pki-dir "$work/pki" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 90); do
  grep -q '^ready ' "$work/server.out" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 1
done
port=$(sed -n 's#^ready mongodb://localhost:\([0-9][0-9]*\)/.*#\1#p' "$work/server.out")
if [ -z "$port" ]; then
  fail "demo-server did not report 'ready' within 90 s"
  cat "$work/server.out" "$work/server.err"
else
  pass "demo-server started on port $port"
  set +e
  "$launcher" list --uri "mongodb://localhost:$port/?tls=true" --tls-ca "$work/pki/ca.pem" \
    --tls-cert "$work/pki/dba.pem" --json >"$work/list.json" 2>"$work/list.err"
  list_rc=$?
  set -e
  check "list --json exits 0" [ "$list_rc" -eq 0 ]
  [ "$list_rc" -eq 0 ] || cat "$work/list.err"
  check "list --json stdout is one JSON document (starts with [ or {)" \
    grep -qE '^[[:space:]]*[[{]' <(head -c 1 "$work/list.json")
  check "list --json names the demo auto-users (CN=alice, CN=remote-...)" \
    sh -c "grep -q '\"CN=alice\"' '$work/list.json' && grep -q '\"CN=remote-' '$work/list.json'"
  check "list --json stdout holds no log lines" \
    sh -c "! grep -qE '(INFO|WARN|ERROR|DEBUG) ' '$work/list.json'"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
fi
check "logs go to a rolling file in the data folder" \
  sh -c "ls '$AUTOUSER_HOME'/data/logs/autouser-*.log >/dev/null 2>&1"

# 3. the GUI opens (needs an X server; CI installs xvfb, libgtk-3-0 and x11-utils)
if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null; then
  cat >"$work/gui.sh" <<EOF
"$PWD/$launcher" >"$work/gui.out" 2>"$work/gui.err" &
pid=\$!
for _ in \$(seq 1 60); do
  if xwininfo -root -tree | grep -q 'Auto-User Console'; then echo window; break; fi
  kill -0 \$pid 2>/dev/null || break
  sleep 1
done
kill -0 \$pid 2>/dev/null && echo alive
kill \$pid 2>/dev/null; wait \$pid 2>/dev/null
EOF
  gui_result=$(xvfb-run -a -s "-screen 0 1280x1024x24" sh "$work/gui.sh" || true)
  check "no arguments opens a window titled 'Auto-User Console'" grep -q window <<<"$gui_result"
  check "the console is still running after its window opened" grep -q alive <<<"$gui_result"
  check "the console wrote no exception to stderr" sh -c "! grep -q 'Exception' '$work/gui.err'"
  grep -q 'Exception' "$work/gui.err" && head -30 "$work/gui.err"
else
  echo "SKIP GUI start: xvfb-run or xwininfo not installed"
fi

# 4. the .deb
deb=$(ls target/installer/*.deb 2>/dev/null | head -1 || true)
if [ -z "$deb" ]; then
  fail "no .deb in target/installer"
else
  depends=$(dpkg-deb -f "$deb" Depends)
  echo "     Depends: $depends"
  for lib in libgtk-3-0 libgl1 libxtst6 libxxf86vm1 libfreetype6 libfontconfig1; do
    check ".deb depends on $lib" grep -qw -- "$lib" <<<"$depends"
  done
  check ".deb package is autouser $pom_version" [ "$(dpkg-deb -f "$deb" Package Version)" = "Package: autouser
Version: $pom_version-1" ]
  dpkg-deb -c "$deb" >"$work/contents"
  check ".deb installs the launcher at /opt/autouser/bin/autouser" grep -q ' ./opt/autouser/bin/autouser$' "$work/contents"
  check ".deb carries the icon" grep -q ' ./opt/autouser/lib/autouser.png$' "$work/contents"
  dpkg-deb -x "$deb" "$work/deb"
  # The console's entry, the one postinst puts in the menu (Linux also has bin/autouser-cli's, unused).
  desktop=$(ls "$work"/deb/opt/autouser/lib/autouser-autouser.desktop 2>/dev/null || true)
  check ".deb has a desktop entry" [ -n "$desktop" ]
  if [ -n "$desktop" ]; then
    check "desktop entry: name, category, description, launcher" sh -c "
      grep -qx 'Name=Auto-User Console' '$desktop' && grep -q '^Categories=.*Database' '$desktop' &&
      grep -q '^Comment=.*Teleport' '$desktop' && grep -qx 'Exec=/opt/autouser/bin/autouser' '$desktop'"
  fi
  dpkg-deb -e "$deb" "$work/control"
  check ".deb installs the command-line launcher at /opt/autouser/bin/autouser-cli" grep -q ' ./opt/autouser/bin/autouser-cli$' "$work/contents"
  check ".deb postinst links /usr/bin/autouser to the command-line launcher" grep -q 'ln -sf /opt/autouser/bin/autouser-cli /usr/bin/autouser' "$work/control/postinst"
fi

# 5. sizes
image_kb=$(du -sk target/installer/autouser | cut -f1)
echo "     app-image: $((image_kb / 1024)) MB"
check "app-image is under 100 MB" [ "$image_kb" -lt "$budget_kb" ]
if [ -n "$deb" ]; then
  deb_kb=$(( $(stat -c %s "$deb") / 1024 ))
  echo "     .deb: $((deb_kb / 1024)) MB"
  check ".deb is under 100 MB" [ "$deb_kb" -lt "$budget_kb" ]
fi

# jdeps over the shaded jar (the same classes as the image's class path, plus JavaFX's).
if [ -f target/autouser.jar ]; then
  needed=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 target/autouser.jar 2>/dev/null | tr ',' ' ')
  listed=" $(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' installer/jpackage/modules.txt | tr -d ' ' | tr '\n' ' ') jdk.jfr "
  missing=""
  for m in $needed; do
    case "$listed" in *" $m "*) ;; *) missing="$missing $m" ;; esac
  done
  [ -n "$needed" ] || missing=" (jdeps printed nothing)"
  check "installer/jpackage/modules.txt covers jdeps' list: $needed" [ -z "$missing" ]
  [ -z "$missing" ] || echo "     missing:$missing"
fi

# 6. install and remove the .deb for real
if $install_deb && [ -n "$deb" ]; then
  if dpkg -s autouser >/dev/null 2>&1; then
    fail "--install: a package named autouser is already installed here; not touching it"
  else
    export DEBIAN_FRONTEND=noninteractive
    if apt-get install -y -qq --no-install-recommends "./$deb" >"$work/apt-install.log" 2>&1; then
      pass "apt-get install ./$deb"
    else
      fail "apt-get install ./$deb"
      tail -20 "$work/apt-install.log"
    fi
    check "installed: 'autouser --version' on PATH prints $pom_version" \
      sh -c "[ \"\$(autouser --version)\" = 'autouser $pom_version' ]"
    check "installed: menu entry /usr/share/applications/autouser.desktop" \
      [ -f /usr/share/applications/autouser.desktop ]
    check "apt-get purge autouser" sh -c "apt-get purge -y -qq autouser >'$work/apt-purge.log' 2>&1"
    check "purged: no /opt/autouser, /usr/bin/autouser or menu entry left" \
      sh -c "[ ! -e /opt/autouser ] && [ ! -e /usr/bin/autouser ] && [ ! -e /usr/share/applications/autouser.desktop ]"
  fi
fi

if [ "$failures" -gt 0 ]; then
  echo "smoke-test: $failures check(s) failed"
  exit 1
fi
echo "smoke-test: all checks passed"
