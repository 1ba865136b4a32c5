#!/usr/bin/env bash
# Runs every test (unit, property, malformed-input, fuzz regression, demo + tshark checks), 2 s of Jazzer fuzzing per
# parser (fuzz.sh) and the one-second
# benchmark smoke run. Finds a JDK 25+ itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [[ -x "$d/bin/javac" ]] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
      export JAVA_HOME="$d"; break
    fi
  done
fi
mvn -B install
bash fuzz.sh 2s
bash bench/run.sh --smoke
