#!/usr/bin/env bash
# TUN throughput (issue #6): kernel <-> jnetstack over a TUN device each way, and kernel <-> kernel over a veth pair,
# in one run, all inside network namespaces the program creates. Needs root and /dev/net/tun.
# Each TUN setting (MTU, with or without virtio-net offloads: IFF_VNET_HDR + TUNSETOFFLOAD csum/TSO4/TSO6) gets its
# own device and stack; veth is measured at each MTU used. After an untimed warm-up, every figure is measured once per
# round and the median of the rounds is printed with its spread and its ratio to veth at the same MTU.
# See bench/src/main/java/io/jnetstack/bench/TunThroughput.java for what exactly is timed.
#   bash bench/tun.sh                     # 1024 MiB per direction, 3 rounds, TUN 1500, 1500+offload, 65535, 65535+offload
#   bash bench/tun.sh 256                 # 256 MiB per direction
#   bash bench/tun.sh 512 --runs 5 --warmup 256 --tun 1500+offload,65535 --stats
set -euo pipefail
cd "$(dirname "$0")/.."
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 25 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar \
  io.jnetstack.bench.TunThroughput "$@"
