# Builds the newsmon image that every stage service of docker-compose.yml runs.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY model model
COPY kafka kafka
COPY broker broker
COPY ingest ingest
COPY enrich enrich
COPY store store
COPY testkit testkit
COPY app app
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:21-jre
RUN useradd --system --home /var/lib/newsmon newsmon && mkdir -p /var/lib/newsmon && chown newsmon /var/lib/newsmon
COPY --from=build /src/app/target/newsmon.jar /opt/newsmon/newsmon.jar
USER newsmon
WORKDIR /var/lib/newsmon
ENTRYPOINT ["java", "-jar", "/opt/newsmon/newsmon.jar"]
CMD ["--help"]
