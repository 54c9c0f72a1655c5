# Sourced by the scripts: packages the engine and the application in the reactor (never installs), compiles
# the benchmarks, and sets BENCH_CP to the application's classes, its libraries (provided ones included) and H2.
root="$(cd ../.. && pwd)"
mvn -q ${MVN_OPTS:-} -f "$root/pom.xml" -pl src/engine,src/app package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile=target/app-classpath.txt
app_cp="$root/src/engine/target/classes:$root/src/app/target/classes:$(cat "$root/src/app/target/app-classpath.txt")"
h2="$(ls ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar)"
mkdir -p target/classes
javac -nowarn -d target/classes -cp "$app_cp" $(find src -name '*.java')
BENCH_CP="target/classes:$app_cp:$h2"
