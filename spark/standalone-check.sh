#!/usr/bin/env bash
# Submits a screening to a real Spark standalone cluster on this machine (a master and a worker, the executor a JVM
# of its own that the worker starts), as spark-submit does (through its class, org.apache.spark.deploy.SparkSubmit,
# with Spark's jars from spark/target/lib), and compares the approaches with the single-process run's, byte for byte.
#   spark/standalone-check.sh CATALOG FROM TO THRESHOLD_KM [TASKS]
# Needs a built tree (./spacettx --help builds it) and a JDK 21+ in JAVA_HOME. Ports 7077 and 8090-8091 must be free.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
catalog="$1" from="$2" to="$3" threshold="$4" tasks="${5:-8}"
java="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# A Spark home made of the Maven artifacts: the worker builds the executor's class path from SPARK_HOME/jars (a
# RELEASE file marks it as a distribution) and must be told the Scala version.
mkdir -p "$work/spark/jars" "$work/spark/work"
for jar in "$ROOT"/spark/target/lib/*.jar; do ln -s "$(readlink -f "$jar")" "$work/spark/jars/"; done
echo "Spark jars from Maven Central (spacettx standalone check)" > "$work/spark/RELEASE"
export SPARK_HOME="$work/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1

opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
    opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
spark=("$java" "${opens[@]}" -Djdk.reflect.useDirectMethodHandle=false -cp "$SPARK_HOME/jars/*")

"${spark[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 8090 > "$work/master.log" 2>&1 &
sleep 8
"${spark[@]}" org.apache.spark.deploy.worker.Worker --cores 2 --memory 2g --work-dir "$SPARK_HOME/work" \
    --webui-port 8091 spark://127.0.0.1:7077 > "$work/worker.log" 2>&1 &
sleep 8

start=$(date +%s%N)
"${spark[@]}" org.apache.spark.deploy.SparkSubmit --master spark://127.0.0.1:7077 \
    --class org.spacettx.app.cli.Main --jars "$ROOT/spark/target/spacettx-spark.jar" \
    --driver-java-options "--add-modules jdk.incubator.vector" \
    --conf "spark.executor.extraJavaOptions=--add-modules jdk.incubator.vector" \
    "$ROOT/app/target/spacettx.jar" screen --engine spark --tle "$catalog" --from "$from" --to "$to" \
    --threshold-km "$threshold" --tasks "$tasks" --format csv --quiet > "$work/cluster.csv" 2> "$work/submit.log"
end=$(date +%s%N)
executors=$(find "$SPARK_HOME/work" -name stderr | wc -l)
"$ROOT/spacettx" screen --tle "$catalog" --from "$from" --to "$to" --threshold-km "$threshold" --format csv --quiet \
    > "$work/single.csv" 2>/dev/null

echo "cluster: $(($(wc -l < "$work/cluster.csv") - 1)) approaches in $(( (end - start) / 1000000000 )).$(( (end - start) / 100000000 % 10 )) s (submit to last row), $executors executor JVM(s)"
echo "single process: $(($(wc -l < "$work/single.csv") - 1)) approaches"
if cmp -s "$work/cluster.csv" "$work/single.csv"; then
    echo "identical, byte for byte"
else
    echo "DIFFERENT (submit log: kept in $work.log)"; cp "$work/submit.log" "$work.log"; exit 1
fi
