# Sourced by mvnw, bin/lakeward and .ci/run. Lakeward builds and runs on JDK 21 or later; when
# JAVA_HOME is unset or older, this points it at the newest JDK 21+ it finds (the java on PATH,
# then the usual install folders), so the commands in README work on a machine whose default
# JDK is older. It changes nothing when JAVA_HOME already names a JDK 21+.

lakeward_jdk_major() {
  _v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -z "$_v" ] && [ -x "$1/bin/java" ]; then
    _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "${_v:-0}"
}

if [ -z "${JAVA_HOME:-}" ] || [ "$(lakeward_jdk_major "$JAVA_HOME")" -lt 21 ]; then
  _best=""
  _best_major=0
  _on_path=$(command -v java 2>/dev/null || true)
  [ -n "$_on_path" ] && _on_path=$(dirname "$(dirname "$(readlink -f "$_on_path")")")
  for _jdk in "$_on_path" /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$_jdk" ] && [ -x "$_jdk/bin/javac" ] || continue
    _major=$(lakeward_jdk_major "$_jdk")
    if [ "$_major" -ge 21 ] && [ "$_major" -gt "$_best_major" ]; then
      _best=$_jdk
      _best_major=$_major
    fi
  done
  if [ -n "$_best" ]; then
    JAVA_HOME=$_best
    export JAVA_HOME
  else
    echo "Lakeward needs JDK 21 or later; none was found. Install one and set JAVA_HOME to it." >&2
  fi
  unset _best _best_major _on_path _jdk _major
fi
