#!/usr/bin/env bash
# Submits a screening to a real YARN cluster on this machine and compares the approaches with the single-process
# run's, byte for byte. The cluster is Hadoop's MiniYARNCluster (spark/yarn-check/MiniYarn.java: a resource manager
# and a node manager in one JVM, each Spark container a process of its own that the node manager launches); the
# application goes in as spark-submit sends it (its class, org.apache.spark.deploy.SparkSubmit, --master yarn,
# client mode) with Spark's jars from spark/target/lib, spark-yarn among them. Hadoop's mini cluster and what it
# needs come from Maven Central into a temporary directory.
#   spark/yarn-check.sh CATALOG FROM TO THRESHOLD_KM [TASKS]
# Needs a built tree (./spacettx --help builds it), Maven, and a JDK 21+ in JAVA_HOME.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
catalog="$1" from="$2" to="$3" threshold="$4" tasks="${5:-8}"
java="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# Hadoop's mini cluster (its test-scoped needs too: Bouncy Castle, JUnit's assertions), logging from Spark's jars.
mkdir -p "$work/resolve" "$work/yarn-lib" "$work/conf"
cat > "$work/resolve/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.spacettx.check</groupId><artifactId>mini-yarn</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.hadoop</groupId><artifactId>hadoop-client-minicluster</artifactId><version>3.5.0</version></dependency>
    <dependency><groupId>org.bouncycastle</groupId><artifactId>bcpkix-jdk18on</artifactId><version>1.80</version></dependency>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter-api</artifactId><version>5.11.4</version></dependency>
  </dependencies>
</project>
POM
(cd "$work/resolve" && mvn -B -ntp -q dependency:copy-dependencies -DexcludeArtifactIds=slf4j-api \
    -DoutputDirectory="$work/yarn-lib") > "$work/resolve.log" 2>&1 || { cat "$work/resolve.log"; exit 1; }
cp "$ROOT"/spark/target/lib/{log4j-1.2-api,log4j-api,log4j-core,log4j-slf4j2-impl,slf4j-api}-*.jar "$work/yarn-lib/"

(cd "$work" && exec "$java" -cp "$work/yarn-lib/*" "$ROOT/spark/yarn-check/MiniYarn.java" "$work/conf") > "$work/yarn.log" 2>&1 &
for _ in $(seq 120); do [ -f "$work/conf/yarn-site.xml" ] && break; sleep 1; done
[ -f "$work/conf/yarn-site.xml" ] || { echo "YARN did not start:"; tail -20 "$work/yarn.log"; exit 1; }

# The containers take Spark's jars from where they are (local:), the node manager being on this machine.
source "$ROOT/spark/check-common.sh"
make_spark_home
export HADOOP_CONF_DIR="$work/conf"

start=$(date +%s%N)
"$java" "${opens[@]}" -Djdk.reflect.useDirectMethodHandle=false -cp "$HADOOP_CONF_DIR:$SPARK_HOME/jars/*" \
    org.apache.spark.deploy.SparkSubmit --master yarn --deploy-mode client \
    --num-executors 2 --executor-cores 1 --executor-memory 1g \
    --class org.spacettx.app.cli.Main --jars "$ROOT/spark/target/spacettx-spark.jar" \
    --driver-java-options "--add-modules jdk.incubator.vector" \
    --conf "spark.executor.extraJavaOptions=--add-modules jdk.incubator.vector" \
    --conf "spark.yarn.jars=local:$SPARK_HOME/jars/*" \
    --conf "spark.yarn.appMasterEnv.JAVA_HOME=$JAVA_HOME" --conf "spark.executorEnv.JAVA_HOME=$JAVA_HOME" \
    "$ROOT/app/target/spacettx.jar" screen --engine spark --tle "$catalog" --from "$from" --to "$to" \
    --threshold-km "$threshold" --tasks "$tasks" --format csv --quiet > "$work/cluster.csv" 2> "$work/submit.log" \
    || { tail -30 "$work/submit.log"; exit 1; }
end=$(date +%s%N)
app=$(grep -o 'application_[0-9_]*' "$work/submit.log" | head -1)
containers=$(find "$work" -path "*$app*" -name launch_container.sh 2>/dev/null | wc -l)
compare_with_single_process "YARN ($app, $containers containers: the application master and the executors)" \
    "$start" "$end" "$catalog" "$from" "$to" "$threshold"

