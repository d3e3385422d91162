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

source "$ROOT/spark/check-common.sh"
make_spark_home
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
compare_with_single_process "cluster ($executors executor JVM(s))" "$start" "$end" "$catalog" "$from" "$to" "$threshold"
