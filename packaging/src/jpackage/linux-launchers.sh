#!/bin/sh
# Replaces jpackage's native launchers of the Linux application by shell scripts that start the image's runtime directly
# with the same options (docs/performance.md, « Startup »).
#
# Why: jpackage's Linux launcher asks the package managers which package owns it at every start — `rpm -qf`, `dpkg -S`
# and `dpkg -L`, twice (launcher and libapplauncher) — ≈ 0.3 s before the JVM starts on this machine, more on a desktop
# with many packages (dpkg -S reads the list of every installed file). A script costs ≈ 2 ms.
#
# Each bin/NAME gets its options from lib/app/NAME.cfg, the file jpackage wrote from the args files (so those stay the one
# place where options are chosen): class path, main class, java-options, $APPDIR being lib/app. Any other key in a .cfg
# fails this script, rather than being dropped. The command-line launcher (terrain) differs in one way: given arguments
# it starts without JavaFX — no module path, so the JVM's module system starts from its archived graph (≈ 100 ms less),
# the serial collector (a short-lived process), and its own class-data archive, terrain-cli.jsa, recorded from the
# command line's calls by linux-classlist.sh; without arguments it hands over to the desktop launcher.
#
# Usage: linux-launchers.sh image APP_IMAGE_DIR        (packaging/target/jpackage/Convergence Terrain)
#        linux-launchers.sh debs FOLDER                (each .deb there: unpacked, /opt/…/bin/* replaced, packed again)
set -eu
command_line=terrain
desktop="Convergence Terrain"
fail() { echo "linux-launchers: $*" >&2; exit 1; }

# Prints the script for the launcher whose .cfg is $1.
write_launcher() {
  cfg=$1 name=$2
  awk -v name="$name" -v command_line="$command_line" -v desktop="$desktop" '
    function quoted(value) {
      gsub(/\$APPDIR/, "${app}", value)
      if (value ~ /["`\\]/) { print "linux-launchers: cannot quote " value > "/dev/stderr"; exit 3 }
      return "\"" value "\""
    }
    /^\[/ || /^$/ { next }
    /^app\.classpath=/ { sub(/^app\.classpath=/, ""); classpath = classpath (classpath == "" ? "" : ":") $0; next }
    /^app\.mainclass=/ { sub(/^app\.mainclass=/, ""); main = $0; next }
    /^java-options=/ {
      sub(/^java-options=/, "")
      options[++n] = $0
      next
    }
    { print "linux-launchers: " FILENAME ": unknown line " $0 > "/dev/stderr"; exit 3 }
    END {
      if (main == "" || classpath == "") { print "linux-launchers: " FILENAME " names no class path or main class" > "/dev/stderr"; exit 3 }
      print "#!/bin/sh"
      print "# " name ": the options of lib/app/" name ".cfg, written at packaging by packaging/src/jpackage/linux-launchers.sh"
      print "# in place of jpackage'"'"'s native launcher, which asks rpm and dpkg which package owns it at every start."
      print "self=$(readlink -f \"$0\")"
      print "image=${self%/*}"
      print "image=${image%/*}"
      print "app=$image/lib/app"
      if (name == command_line) {
        print "# Without arguments: the desktop application."
        print "[ $# -gt 0 ] || exec \"$image/bin/" desktop "\""
        print "# With arguments: the command line, without JavaFX (see linux-launchers.sh)."
      }
      line = "exec \"$image/lib/runtime/bin/java\" -classpath " quoted(classpath)
      for (i = 1; i <= n; i++) {
        option = options[i]
        if (name == command_line) {
          if (option ~ /^--module-path=/ || option ~ /^--add-modules=/) continue
          sub(/terrain\.jsa$/, "terrain-cli.jsa", option)
        }
        line = line " \\\n  " quoted(option)
      }
      if (name == command_line) line = line " \\\n  \"-XX:+UseSerialGC\""
      print line " \\\n  " quoted(main) " \"$@\""
    }' "$cfg"
}

# Replaces the launchers of the image whose root is $1 (the folder holding bin/ and lib/).
replace_launchers() {
  root=$1
  [ -f "$root/lib/app/$command_line.cfg" ] && [ -f "$root/lib/app/$desktop.cfg" ] \
    || fail "$root has no lib/app/$command_line.cfg and lib/app/$desktop.cfg"
  for cfg in "$root"/lib/app/*.cfg; do
    name=$(basename "$cfg" .cfg)
    [ -f "$root/bin/$name" ] || fail "no launcher $root/bin/$name for $cfg"
    write_launcher "$cfg" "$name" > "$root/bin/$name.new" || fail "cannot write a launcher from $cfg"
    chmod 755 "$root/bin/$name.new"
    mv "$root/bin/$name.new" "$root/bin/$name"
  done
  grep -q 'terrain-cli.jsa' "$root/bin/$command_line" || fail "the command-line launcher names no terrain-cli.jsa"
}

case ${1:-} in
  image)
    replace_launchers "$2"
    echo "linux-launchers: $(ls "$2/bin" | tr '\n' ',' | sed 's/,$//') in $2 are scripts"
    ;;
  debs)
    # The installers are made by jpackage from the inputs, not from the image (see pom.xml): their launchers are
    # jpackage's, replaced here in the package itself.
    found=0
    for deb in "$2"/*.deb; do
      [ -f "$deb" ] || continue
      found=1
      work=$(mktemp -d)
      dpkg-deb -R "$deb" "$work/root"
      cfg=$(find "$work/root/opt" -path "*/lib/app/$command_line.cfg" | head -n 1)
      [ -n "$cfg" ] || fail "no application under /opt in $deb"
      root=${cfg%/lib/app/*}
      replace_launchers "$root"
      # dpkg -V and debsums check the files against DEBIAN/md5sums, where there is one (jpackage 17 writes none).
      if [ -f "$work/root/DEBIAN/md5sums" ]; then
        (cd "$work/root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort \
          | xargs -d '\n' md5sum > DEBIAN/md5sums)
      fi
      dpkg-deb --root-owner-group -Zxz -b "$work/root" "$deb.new" > /dev/null
      mv "$deb.new" "$deb"
      rm -rf "$work"
      echo "linux-launchers: the launchers in $deb are scripts"
    done
    [ $found = 1 ] || fail "no .deb in $2"
    ;;
  *)
    fail "usage: linux-launchers.sh image APP_IMAGE_DIR | debs FOLDER"
    ;;
esac
