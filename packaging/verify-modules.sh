#!/bin/sh
# Checks that the runtime's module list (src/jlink/jlink.args) holds every JDK module jdeps finds in the application's jars.
# Usage: packaging/verify-modules.sh [LIB_DIR]   (default: packaging/target/jpackage-input, made by -Ppackage;
#        app/target/terrain/lib works too). Fails, naming the modules, when a jar needs one that the runtime lacks:
#        add it to --add-modules in src/jlink/jlink.args with the reason. Modules listed but not found by jdeps are only
#        reported: some are needed without a static reference (security providers, locale data).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
lib=${1:-"$here/target/jpackage-input"}
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
[ -d "$lib" ] || { echo "verify-modules: $lib is missing (build with -Ppackage, or pass app/target/terrain/lib)" >&2; exit 2; }

listed=$(sed -n 's/^--add-modules[ =]//p' "$here/src/jlink/jlink.args" | tr ',' '\n' | sed '/^$/d' | sort -u)
[ -n "$listed" ] || { echo "verify-modules: no --add-modules line in src/jlink/jlink.args" >&2; exit 2; }

# The application runs on the class path, but JavaFX's jars are modular: give every jar on both paths so jdeps resolves
# them (it then warns about split packages, which is noise here), and keep the last line, the module list.
cp=$(ls "$lib"/*.jar | tr '\n' ':')
found=$("${jdk_bin}jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
          --module-path "$cp" --class-path "$cp" "$lib"/*.jar 2>/dev/null | tail -n 1 | tr ',' '\n' | sed '/^$/d' | sort -u)
case "$found" in *java.base*) ;; *) echo "verify-modules: jdeps gave no module list" >&2; exit 2 ;; esac

# A module jdeps finds is missing when the runtime lacks it; the runtime made by -Ppackage (its "release" file) also has
# the modules the listed ones require, so use it when it is there and newer than jlink.args.
in_runtime=$listed
release="$here/target/runtime/release"
if [ -f "$release" ] && [ "$release" -nt "$here/src/jlink/jlink.args" ]; then
  in_runtime=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$release" | tr ' ' '\n' | sed '/^$/d' | sort -u)
fi
missing=$(printf '%s\n' "$found" | grep -vxF "$in_runtime" || true)
extra=$(printf '%s\n' "$listed" | grep -vxF "$found" || true)
echo "verify-modules: jdeps finds $(echo $found | tr ' ' ',')"
[ -z "$extra" ] || echo "verify-modules: listed without a static reference (keep only with a reason in jlink.args): $(echo $extra | tr ' ' ',')"
if [ -n "$missing" ]; then
  echo "verify-modules: FAILED, the runtime lacks $(echo $missing | tr ' ' ','): add them to --add-modules in packaging/src/jlink/jlink.args" >&2
  exit 1
fi
echo "verify-modules: OK, every module jdeps finds is in the runtime"
