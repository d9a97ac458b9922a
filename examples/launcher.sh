# Shared by the ./ticketctl and ./example launchers at the repository root (sourced, not run): builds a module
# when a source the build reads is newer than the module's last build.

# The newest modification time (epoch seconds) of the sources the build reads: the files git tracks or would
# track (never build output under target/, such as JMH's generated sources), or without git every source outside
# target/.
newest_source() {
  local root="$1"
  if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$root" && git ls-files -z --cached --others --exclude-standard -- '*.java' '*pom.xml' '*/src/main/resources/*' \
      | xargs -0 -r stat -c %Y 2>/dev/null | sort -n | tail -1)
  else
    find "$root" \( -name target -o -name .git \) -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
      -type f -printf '%T@\n' | cut -d. -f1 | sort -n | tail -1
  fi
}

# build_if_needed ROOT MODULE STAMP OUTPUT NAME: runs `mvn package` for MODULE (and what it needs) when OUTPUT or
# STAMP is missing or a source is newer than STAMP; says so on stderr as NAME; exits 1 with the build's log when it
# fails. Returns 0 when it built.
build_if_needed() {
  local root="$1" module="$2" stamp="$3" output="$4" name="$5" newest log
  if [ -f "$stamp" ] && [ -f "$output" ]; then
    newest="$(newest_source "$root")"
    if [ -z "$newest" ] || [ "$newest" -lt "$(stat -c %Y "$stamp")" ]; then
      return 1
    fi
  fi
  echo "$name: building the SDK (first use or sources changed)..." >&2
  log="$(mktemp)"
  if ! (cd "$root" && mvn -B -q -DskipTests -pl "$module" -am package) >"$log" 2>&1; then
    cat "$log" >&2
    echo "$name: the build failed (see above)" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  touch "$stamp"
  return 0
}
