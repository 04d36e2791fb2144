# Sourced by the ops scripts: points JAVA_HOME at a JDK 21 or newer, or stops with a clear message.
# Order: $JAVA_HOME if it is new enough, then the newest JDK under /usr/lib/jvm (Debian/Ubuntu layout).

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

choose_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate" best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "CallVault needs a JDK 21 or newer: none found in JAVA_HOME or /usr/lib/jvm. Install one (e.g. Temurin 25) and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}

choose_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
