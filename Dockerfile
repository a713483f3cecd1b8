# The newsmon image that every stage service of docker-compose.yml runs, each with its own command
# (ingest, enrich, store) and NEWSMON_* environment variables. Build: docker build -t newsmon .

# Build stage: the Maven wrapper builds app/target/newsmon.jar. Only each module's pom and sources are
# copied, so that no target/ directory of the host leaks into the build.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY model/pom.xml model/
COPY model/src model/src
COPY kafka/pom.xml kafka/
COPY kafka/src kafka/src
COPY broker/pom.xml broker/
COPY broker/src broker/src
COPY ingest/pom.xml ingest/
COPY ingest/src ingest/src
COPY enrich/pom.xml enrich/
COPY enrich/src enrich/src
COPY store/pom.xml store/
COPY store/src store/src
COPY testkit/pom.xml testkit/
COPY testkit/src testkit/src
COPY app/pom.xml app/
COPY app/src app/src
# The benchmarks module is in the reactor but not in the image: its pom is enough.
COPY benchmarks/pom.xml benchmarks/
RUN ./mvnw -B -q -Dmaven.test.skip=true -pl app -am package

# Runtime stage: the JRE and the jar, run as an unprivileged user. The stages keep their state in Kafka
# and the database, so the image has no volume.
FROM eclipse-temurin:21-jre
RUN useradd --system --create-home --home-dir /var/lib/newsmon newsmon
COPY --from=build /src/app/target/newsmon.jar /opt/newsmon/newsmon.jar
USER newsmon
WORKDIR /var/lib/newsmon
# /metrics and /health, when NEWSMON_METRICS_PORT (or --metrics-port) is 9464.
EXPOSE 9464
ENTRYPOINT ["java", "-jar", "/opt/newsmon/newsmon.jar"]
CMD ["--help"]
