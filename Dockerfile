# Build: docker build -t dastyar .
# Run:   docker run -p 8080:8080 -e DASTYAR_ADMIN_PASSWORD=change-me-please -v dastyar-data:/app/data dastyar

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN ./mvnw --batch-mode --no-transfer-progress -DskipTests package \
 && cp target/dastyar-*.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --destination extracted
# The ONNX runtime and the tokenizer carry native libraries for Windows and macOS too (and a 300 MB debug file):
# the image keeps Linux's, x64 and arm64, which takes the libraries from 190 MB to about 104 MB.
RUN apt-get update && apt-get install -y --no-install-recommends zip && rm -rf /var/lib/apt/lists/* \
 && cd extracted/dependencies/lib \
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
RUN mkdir -p data && chown -R dastyar:dastyar data
USER dastyar
VOLUME ["/app/config", "/app/knowledge-base", "/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
# The Vector API lets Lucene compare embedding vectors with SIMD: building the index of vectors is a third faster.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--add-modules=jdk.incubator.vector", "-jar", "application.jar"]
