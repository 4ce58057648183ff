package dev.finnews.infrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.finnews.infrastructure.CfnTemplate.at;
import static dev.finnews.infrastructure.CfnTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template deploys what the build produces: each function's CodeUri names a zip built by
 * {@code ./mvnw package}, its Handler class and method are in that zip, and its environment is
 * exactly what the handler reads.
 */
class HandlerWiringIT {
    /** The project's environment contract per function. AWS_REGION is Lambda's own. */
    private static final Map<String, Set<String>> CONTRACT = Map.of(
            "IngestFunction", Set.of("FINNEWS_TABLE", "FINNEWS_MAX_OBJECT_BYTES", "FINNEWS_MAX_TEXT_BYTES",
                    "FINNEWS_FAILURE_TTL_DAYS", "FINNEWS_TOMBSTONE_TTL_DAYS", "AWS_ENDPOINT_URL"),
            "QueryFunction", Set.of("FINNEWS_TABLE", "CURSOR_SECRET", "FINNEWS_ALLOWED_ORIGIN", "AWS_ENDPOINT_URL"));

    private static CfnTemplate template;

    @BeforeAll
    static void load() {
        template = CfnTemplate.load(Repo.path("template.yaml"));
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                Arguments.of("IngestFunction", "functions/ingest/target/ingest.zip", "dev.finnews.ingest.IngestHandler"),
                Arguments.of("QueryFunction", "functions/query/target/query.zip", "dev.finnews.query.QueryHandler"));
    }

    @Test
    void theTemplateHasExactlyTheTwoFunctions() {
        assertThat(template.ofType("AWS::Serverless::Function")).containsOnlyKeys("IngestFunction", "QueryFunction");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void handlerClassAndMethodAreInTheZipItsCodeUriNames(String function, String zip, String handlerClass) throws Exception {
        Map<String, Object> properties = template.properties(function);
        assertThat(properties.get("CodeUri")).isEqualTo(zip);
        Path zipFile = Repo.path(zip);
        assertThat(zipFile).as("%s: build it with ./mvnw package", zip).isRegularFile();
        assertThat(properties.get("Handler")).isEqualTo(handlerClass + "::handleRequest");

        try (LambdaZip lambda = LambdaZip.open(zipFile, Files.createTempDirectory("finnews-" + function))) {
            assertThat(lambda.entries()).as("only jars under lib/, as Lambda's Java runtime expects")
                    .allMatch(name -> name.equals("lib/") || name.startsWith("lib/") && name.endsWith(".jar"));
            Class<?> handler = lambda.load(handlerClass);
            Class<?> streamHandler = lambda.load("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
            Class<?> context = lambda.load("com.amazonaws.services.lambda.runtime.Context");
            // the runtime passes a stream handler the event's bytes, without mapping it onto classes first
            assertThat(streamHandler.isAssignableFrom(handler)).as("%s implements RequestStreamHandler", handlerClass).isTrue();
            assertThat(lambda.load("com.amazonaws.services.lambda.runtime.RequestHandler").isAssignableFrom(handler))
                    .as("the runtime would take a RequestHandler first").isFalse();
            Method method = handler.getMethod("handleRequest", InputStream.class, OutputStream.class, context);
            assertThat(Modifier.isPublic(method.getModifiers())).isTrue();
            // getMethods() resolves every public signature: all the types they name must be in the zip too
            assertThat(Arrays.stream(handler.getMethods()).map(Method::getName)).contains("handleRequest");
            assertThat(handler.getConstructor()).as("Lambda's no-arg constructor").isNotNull();
            assertThat(handler.getConstructor(Map.class)).as("the env-map constructor").isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void environmentIsExactlyTheContract(String function) {
        Map<String, Object> variables = map(at(template.properties(function), "Environment", "Variables").orElseThrow());
        assertThat(variables.keySet()).isEqualTo(CONTRACT.get(function));
        assertThat(variables.get("FINNEWS_TABLE")).isEqualTo(CfnTemplate.ref("ArticlesTable"));
        // Absent unless LocalEndpointUrl is set: an empty AWS_ENDPOINT_URL makes the SDK fail to build clients.
        assertThat(variables.get("AWS_ENDPOINT_URL")).isEqualTo(Map.of("Fn::If",
                List.of("HasLocalEndpoint", CfnTemplate.ref("LocalEndpointUrl"), CfnTemplate.ref("AWS::NoValue"))));
    }

    @Test
    void limitsComeFromParametersWithTheContractDefaults() {
        record Limit(String variable, String parameter, int contractDefault) {
        }
        Map<String, Object> variables = map(at(template.properties("IngestFunction"), "Environment", "Variables").orElseThrow());
        for (Limit limit : List.of(new Limit("FINNEWS_MAX_OBJECT_BYTES", "MaxObjectBytes", 5242880),
                new Limit("FINNEWS_MAX_TEXT_BYTES", "MaxTextBytes", 100000),
                new Limit("FINNEWS_FAILURE_TTL_DAYS", "FailureTtlDays", 30),
                new Limit("FINNEWS_TOMBSTONE_TTL_DAYS", "TombstoneTtlDays", 7))) {
            assertThat(variables.get(limit.variable())).isEqualTo(CfnTemplate.ref(limit.parameter()));
            assertThat(template.parameter(limit.parameter()).get("Default")).as(limit.parameter()).isEqualTo(limit.contractDefault());
        }
        Map<String, Object> query = map(at(template.properties("QueryFunction"), "Environment", "Variables").orElseThrow());
        assertThat(query.get("CURSOR_SECRET")).isEqualTo(CfnTemplate.ref("CursorSecret"));
        assertThat(query.get("FINNEWS_ALLOWED_ORIGIN")).isEqualTo(CfnTemplate.ref("AllowedOrigin"));
        assertThat(template.parameter("AllowedOrigin").get("Default")).isEqualTo("*");
    }

    @Test
    void runtimeAliasAndSnapStartAreSetForBothFunctions() {
        Map<String, Object> globals = template.functionGlobals();
        assertThat(globals.get("Runtime")).isEqualTo("java21");
        assertThat(globals.get("Architectures")).isEqualTo(List.of(CfnTemplate.ref("Architecture")));
        assertThat(globals.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(globals.get("SnapStart")).isEqualTo(Map.of("Fn::If", List.of("SnapStartOn",
                Map.of("ApplyOn", "PublishedVersions"), CfnTemplate.ref("AWS::NoValue"))));
        for (String function : List.of("IngestFunction", "QueryFunction")) {
            assertThat(template.properties(function)).doesNotContainKeys("Runtime", "AutoPublishAlias", "SnapStart");
        }
    }

    @Test
    void uploadsOfEveryKindTriggerIngest() {
        Map<String, Object> upload = map(at(template.properties("IngestFunction"), "Events", "Upload").orElseThrow());
        assertThat(upload.get("Type")).isEqualTo("S3");
        Map<String, Object> properties = map(upload.get("Properties"));
        assertThat(properties.get("Bucket")).isEqualTo(CfnTemplate.ref("UploadBucket"));
        assertThat(properties.get("Events")).isEqualTo(List.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"));
        assertThat(at(properties, "Filter", "Fn::If")).isPresent();
    }

    @Test
    void everyRequestReachesTheQueryFunctionThroughTheDefaultRoute() {
        Map<String, Object> events = map(template.properties("QueryFunction").get("Events"));
        assertThat(at(events, "EveryRoute", "Type")).contains("HttpApi");
        assertThat(at(events, "EveryRoute", "Properties", "Path")).contains("$default");
        assertThat(at(events, "EveryRoute", "Properties", "Method")).contains("ANY");
        assertThat(at(events, "EveryRoute", "Properties", "ApiId")).contains(CfnTemplate.ref("QueryApi"));
        // The one explicit route exists so ApiAuth can protect it; it reaches the same function.
        assertThat(at(events, "Failures", "Properties", "Path")).contains("/failures");
        assertThat(at(events, "Failures", "Properties", "Method")).contains("GET");
    }
}
