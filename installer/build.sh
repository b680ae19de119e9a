#!/usr/bin/env bash
# Builds the native packages with the JDK's jlink and jpackage into target/installer/:
#   target/installer/autouser/                      app-image, launcher at bin/autouser
#   target/installer/autouser_<v>-1_<arch>.deb      on Linux (or .msi on Windows, .dmg on macOS)
#
# usage: installer/build.sh [--no-maven] [--app-image-only] [--package deb|msi|dmg|pkg]
#   --no-maven        reuse target/ from an earlier `mvn package` (CI runs `mvn verify` first)
#   --app-image-only  skip the installer package (no fakeroot/dpkg-deb, WiX, ... needed)
#   --package TYPE    the installer type (default: deb on Linux, msi on Windows, dmg on macOS)
# environment: AUTOUSER_APP_VERSION overrides the POM's version (macOS refuses 0.x versions).
#
# Layout of the image: JavaFX is linked into the trimmed runtime as named modules (from the
# platform jars Maven copies to target/jpackage/javafx); the thin application jar and every other
# dependency (target/jpackage/lib) go on the class path. The shaded target/autouser.jar is NOT used
# here: it carries JavaFX classes too, 20 MB that the runtime's modules would shadow anyway.
# Per-platform jpackage options live in installer/jpackage/*.opts; see installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -s)" in
  Linux) platform=linux os_opts=linux package=deb native_dir=lib ;;
  Darwin) platform=mac os_opts=mac package=dmg native_dir=lib ;;
  *) platform=win os_opts=windows package=msi native_dir=bin ;;
esac

run_maven=true
while [ $# -gt 0 ]; do
  case "$1" in
    --no-maven) run_maven=false ;;
    --app-image-only) package="" ;;
    --package) package=${2:?--package needs a type}; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ -n "$package" ] && [ ! -f "installer/jpackage/$package.opts" ]; then
  echo "build.sh: no installer/jpackage/$package.opts for --package $package" >&2
  exit 2
fi

# The JDK's tools: $JAVA_HOME/bin when set, else PATH. unzip reads the version and JavaFX's natives.
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
for tool in "${jdk_bin}jlink" "${jdk_bin}jpackage" unzip; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found (needs a JDK 17+ and unzip)" >&2; exit 2; }
done

# The runtime's modules: installer/jpackage/modules.txt (one per line, with the reason for each;
# smoke-test.sh checks it still covers what jdeps finds in the code).
modules=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' installer/jpackage/modules.txt | tr -d ' ' | paste -sd, -)

started=$(date +%s)
if $run_maven; then
  echo "build.sh: mvn package"
  mvn -q -B -ntp -DskipTests package
fi

thin_jar=$(ls -t target/autouser-console-*.jar 2>/dev/null | grep -v -E -- '-(sources|javadoc|tests)\.jar$' | head -1 || true)
if [ -z "$thin_jar" ] || [ ! -d target/jpackage/lib ] || [ ! -d target/jpackage/javafx ]; then
  echo "build.sh: target/ has no packaged build; run without --no-maven" >&2
  exit 2
fi
version=${AUTOUSER_APP_VERSION:-$(unzip -p "$thin_jar" META-INF/MANIFEST.MF 2>/dev/null \
  | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')}
if [ -z "$version" ]; then
  echo "build.sh: $thin_jar has no Implementation-Version in its manifest" >&2
  exit 2
fi

work=target/installer-work
out=target/installer
rm -rf "$work" "$out"
mkdir -p "$work/input" "$work/javafx" "$out"

# The platform-specific JavaFX jars are the modules; the plain ones are empty placeholders.
cp target/jpackage/javafx/*-"$platform"*.jar "$work/javafx/"
cp "$thin_jar" target/jpackage/lib/*.jar "$work/input/"
# sqlite-jdbc carries its native library for every OS and CPU (12 MB); the package needs only its own.
# (The embedded PostgreSQL binaries are already the linux-amd64 jar only: see pom.xml.)
if [ "$platform" = linux ] && command -v zip >/dev/null; then
  for jar in "$work"/input/sqlite-jdbc-*.jar; do
    [ -f "$jar" ] || continue
    keep="org/sqlite/native/Linux/$(uname -m | sed 's/^arm64$/aarch64/')/"
    drop=$(unzip -Z1 "$jar" 'org/sqlite/native/*' | grep -v "^$keep" | grep -v '/$' || true)
    [ -z "$drop" ] || echo "$drop" | zip -q -d "$jar" -@
  done
fi

echo "build.sh: jlink runtime ($(( $(date +%s) - started ))s)"
"${jdk_bin}jlink" --module-path "$work/javafx" --add-modules "$modules" \
  --strip-debug --exclude-resources '**.so,**.dylib,**.dll' \
  --no-header-files --no-man-pages --strip-native-commands --compress=2 --output "$work/runtime"
# JavaFX's native libraries sit inside its jars (excluded from the module image above); next to the
# runtime's own libraries they load directly instead of being extracted to ~/.openjfx/cache.
# (unzip exits 11 for the jars without native code, hence the check afterwards.)
(cd "$work/runtime/$native_dir" && for jar in ../../javafx/*.jar; do unzip -q -o "$jar" '*.so' '*.dylib' '*.dll' 2>/dev/null || true; done)
if ! ls "$work/runtime/$native_dir" | grep -q glass; then
  echo "build.sh: JavaFX's native libraries (glass) were not unpacked into the runtime" >&2
  exit 1
fi
# The JDK's own libraries keep their symbol tables (4 MB in libjvm.so alone); dynamic symbols stay.
if [ "$platform" = linux ] && command -v strip >/dev/null; then
  find "$work/runtime/lib" -name '*.so' -exec strip --strip-unneeded {} +
fi

# The runtime's security providers: java.security lists the JDK's twelve, but XMLDSig, SunPCSC, JdkSASL
# and SunPKCS11 live in modules this runtime does not link. Left listed, any look-up that walks the
# list past SunSASL (the TLS set-up does) makes the JDK search the class path for them with a
# ServiceLoader, which instantiates BouncyCastle's provider: ~630 classes from a signed jar, which no
# CDS archive holds, on every command-line run (issue 13). So the entries whose module is missing are
# dropped and the rest renumbered: the same providers in the same order, nothing added.
awk -v modules=",$modules," '
  BEGIN { split("SUN=java.base SunRsaSign=java.base SunEC=jdk.crypto.ec SunJSSE=java.base SunJCE=java.base " \
                "SunJGSS=java.security.jgss SunSASL=java.security.sasl XMLDSig=java.xml.crypto " \
                "SunPCSC=java.smartcardio JdkLDAP=java.naming JdkSASL=jdk.security.jgss " \
                "SunPKCS11=jdk.crypto.cryptoki SunMSCAPI=jdk.crypto.mscapi Apple=java.base", pairs, " ")
          for (i in pairs) { split(pairs[i], kv, "="); module[kv[1]] = kv[2] } }
  /^security\.provider\.[0-9]+=/ {
    value = substr($0, index($0, "=") + 1); split(value, words, " "); name = words[1]
    if (name in module && module[name] != "java.base" && index(modules, "," module[name] ",") == 0) next
    print "security.provider." (++n) "=" value; next }
  { print }' "$work/runtime/conf/security/java.security" > "$work/java.security"
mv "$work/java.security" "$work/runtime/conf/security/java.security"
echo "build.sh: security providers: $(grep -c '^security.provider' "$work/runtime/conf/security/java.security")"

echo "build.sh: jpackage app-image $version ($(( $(date +%s) - started ))s)"
"${jdk_bin}jpackage" --type app-image @installer/jpackage/common.opts @installer/jpackage/launcher.opts @installer/jpackage/$os_opts.opts \
  --app-version "$version" --input "$work/input" --main-jar "$(basename "$thin_jar")" \
  --runtime-image "$work/runtime" --dest "$out"

# Class-data sharing (issue 13): the classes the CLI loads, recorded by a training run of the launcher
# itself (`cds-training`: list, exports, dry run against an in-process demo). The archive cannot be
# made here: JDK 17 ties it to the jars' absolute paths, so the .deb's postinst makes it from this
# list at /opt/autouser (a few seconds, ~35 MB on disk, nothing in the package but the ~0.3 MB list).
# The launcher names it with -XX:SharedArchiveFile=$APPDIR/autouser.jsa and starts without when absent.
if [ "$platform" = linux ]; then
  echo "build.sh: CDS class list ($(( $(date +%s) - started ))s)"
  classlist="$out/autouser/lib/app/autouser.classlist"
  AUTOUSER_HOME="$work/cds-home" _JAVA_OPTIONS="-XX:DumpLoadedClassList=$classlist" \
    "$out/autouser/bin/autouser" cds-training > "$work/cds-training.log" 2>&1 \
    || { echo "build.sh: the CDS training run failed, see $work/cds-training.log" >&2; exit 1; }
  echo "build.sh: $(wc -l < "$classlist") classes listed for CDS"
fi

if [ -n "$package" ]; then
  echo "build.sh: jpackage $package ($(( $(date +%s) - started ))s)"
  # For .deb, jpackage runs dpkg-deb, which compresses with xz by default: 50 s of CPU to save
  # 4 MB on content that is mostly compressed jars and a compressed module image already.
  DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} \
  "${jdk_bin}jpackage" --type "$package" @installer/jpackage/common.opts "@installer/jpackage/$package.opts" \
    --app-version "$version" --app-image "$out/autouser" --dest "$out"
fi

elapsed=$(( $(date +%s) - started ))
echo "build.sh: done in ${elapsed}s"
du -sh "$out/autouser"
ls -l "$out"/*.deb "$out"/*.msi "$out"/*.dmg "$out"/*.pkg 2>/dev/null || true
