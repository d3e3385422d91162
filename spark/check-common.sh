# Shared by spark/standalone-check.sh and spark/yarn-check.sh (sourced; ROOT, work and java set by the caller).

# A Spark home made of the Maven artifacts in spark/target/lib: a cluster process builds its class path from
# SPARK_HOME/jars (a RELEASE file marks it as a distribution) and must be told the Scala version.
make_spark_home() {
    mkdir -p "$work/spark/jars" "$work/spark/work"
    for jar in "$ROOT"/spark/target/lib/*.jar; do ln -s "$(readlink -f "$jar")" "$work/spark/jars/"; done
    echo "Spark jars from Maven Central (spacettx cluster check)" > "$work/spark/RELEASE"
    export SPARK_HOME="$work/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
}

# The module openings Spark needs on Java 17+ (as spark-submit gives them), for the JVMs started here.
opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
    opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done

# compare_with_single_process LABEL START_NS END_NS CATALOG FROM TO THRESHOLD: the cluster's $work/cluster.csv
# against the single-process run's, byte for byte; exits 1 if they differ.
compare_with_single_process() {
    local label="$1" start="$2" end="$3"
    "$ROOT/spacettx" screen --tle "$4" --from "$5" --to "$6" --threshold-km "$7" --format csv --quiet \
        > "$work/single.csv" 2>/dev/null
    echo "$label: $(($(wc -l < "$work/cluster.csv") - 1)) approaches in $(( (end - start) / 1000000000 )).$(( (end - start) / 100000000 % 10 )) s (submit to last row)"
    echo "single process: $(($(wc -l < "$work/single.csv") - 1)) approaches"
    if cmp -s "$work/cluster.csv" "$work/single.csv"; then
        echo "identical, byte for byte"
    else
        echo "DIFFERENT (submit log: kept in $work.log)"; cp "$work/submit.log" "$work.log"; exit 1
    fi
}
