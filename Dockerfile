# Build: docker build -t dastyar .
# Run:   docker run -d --name dastyar -p 8080:8080 \
#          -e DASTYAR_ADMIN_PASSWORD='change-me-please' \
#          -e DASTYAR_WIDGET_SECRET='<32+ random characters, e.g. from openssl rand -hex 32>' \
#          -v dastyar-data:/app/data -v dastyar-knowledge-base:/app/knowledge-base dastyar
#
# DASTYAR_WIDGET_SECRET signs widget visitors' tokens: make it once and pass the same value to every container
# you run (from a secret store or an --env-file), or visitors lose their way back into their conversations.
# The two named volumes outlive the container: dastyar-data holds the H2 database and the search indexes, and
# dastyar-knowledge-base the articles, including those edited at /admin/knowledge. On first use Docker fills an
# empty named volume with the image's sample articles. To keep the articles in a folder of the host instead, use
# -v "$PWD/knowledge-base:/app/knowledge-base" (the folder must be writable by uid 10001). The settings can be
# replaced the same way: -v "$PWD/config:/app/config:ro".

FROM eclipse-temurin:21-jdk AS build
# zip trims the native libraries below; installed before anything of the project is copied, so it is cached too.
RUN apt-get update && apt-get install -y --no-install-recommends zip && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Maven and the dependencies first, in a layer of their own that only a change to the build (pom.xml, .mvn,
# mvnw) rebuilds: a source change reuses it and downloads nothing again.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw --batch-mode --no-transfer-progress dependency:go-offline
COPY src/ src/
RUN ./mvnw --batch-mode --no-transfer-progress -DskipTests package \
 && cp target/dastyar-*.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --destination extracted
# The ONNX runtime and the tokenizer carry native libraries for Windows and macOS too (and a 300 MB debug file):
# the image keeps Linux's, x64 and arm64, which takes the libraries from 190 MB to about 104 MB.
RUN cd extracted/dependencies/lib \
 && zip -qd onnxruntime-*.jar 'ai/onnxruntime/native/win-*' 'ai/onnxruntime/native/osx-*' \
 && zip -qd tokenizers-*.jar 'native/lib/win-*' 'native/lib/osx-*'

FROM eclipse-temurin:21-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin dastyar
WORKDIR /app
# Layers from the least to the most often changed, so a code change rebuilds only the last one.
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
COPY config/ config/
COPY --chown=dastyar:dastyar knowledge-base/ knowledge-base/
# The service writes to both: the database and indexes in data, the articles edited at /admin/knowledge.
RUN mkdir -p data && chown -R dastyar:dastyar data knowledge-base
USER dastyar
VOLUME ["/app/config", "/app/knowledge-base", "/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
# The Vector API lets Lucene compare embedding vectors with SIMD: building the index of vectors is a third faster.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--add-modules=jdk.incubator.vector", "-jar", "application.jar"]
