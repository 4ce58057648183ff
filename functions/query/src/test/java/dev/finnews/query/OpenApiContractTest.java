package dev.finnews.query;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The router and {@code infrastructure/openapi.yaml} describe the same API. */
class OpenApiContractTest {
    static final Path SPEC = OpenApiSpec.FILE;
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static Map<String, Object> spec;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        spec = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(SPEC));
    }

    @Test
    void everyDocumentedOperationIsRoutedAndViceVersa() {
        Set<String> documented = new TreeSet<>();
        paths().forEach((path, item) -> map(item).keySet().stream().filter(HTTP_METHODS::contains)
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> routed = new TreeSet<>();
        for (Route route : Route.values()) {
            Route.METHODS.forEach(method -> routed.add(method + " " + route.template()));
        }
        assertThat(documented).isEqualTo(routed);
    }

    @Test
    void documentedPathsAreAnsweredByTheRouter() {
        for (String template : paths().keySet()) {
            String example = template.replace("{id}", "x").replace("{category}", "x").replace("{date}", "2022-05-17")
                    .replace("{symbol}", "sh601988");
            assertThat(Router.match(example)).as(template).get().extracting(m -> m.route().template()).isEqualTo(template);
        }
    }

    @Test
    void queryParametersMatchWhatEachRouteReads() {
        for (Route route : Route.values()) {
            Map<String, Object> get = map(map(paths().get(route.template())).get("get"));
            assertThat(parameterNames(get.get("parameters"), "query")).as(route.template()).isEqualTo(route.queryParameters());
        }
    }

    @Test
    void pathParametersMatchTheTemplates() {
        Pattern placeholder = Pattern.compile("\\{(\\w+)}");
        for (Route route : Route.values()) {
            Set<String> inTemplate = new HashSet<>();
            Matcher m = placeholder.matcher(route.template());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            Object parameters = map(paths().get(route.template())).get("parameters");
            assertThat(parameterNames(parameters, "path")).as(route.template()).isEqualTo(inTemplate);
        }
    }

    @Test
    void theErrorCodesAreExactlyTheDocumentedList() {
        Map<String, Object> schemas = map(map(spec.get("components")).get("schemas"));
        List<Object> documented = List.copyOf((List<?>) map(schemas.get("ErrorCode")).get("enum"));
        assertThat(documented).containsExactlyElementsOf(Arrays.stream(ErrorCode.values()).map(Enum::name).map(Object.class::cast).toList());
    }

    @Test
    void limitBoundsMatchTheCode() {
        Map<String, Object> limit = map(map(map(map(spec.get("components")).get("parameters")).get("Limit")).get("schema"));
        assertThat(limit).containsEntry("minimum", 1).containsEntry("maximum", dev.finnews.store.PageRequest.MAX_LIMIT)
                .containsEntry("default", dev.finnews.store.PageRequest.DEFAULT_LIMIT);
    }

    @Test
    void pathParameterLengthsMatchTheCode() {
        Map<String, Object> parameters = map(map(spec.get("components")).get("parameters"));
        assertThat(map(map(parameters.get("Category")).get("schema"))).containsEntry("maxLength", QueryService.MAX_CATEGORY_CHARS);
        assertThat(map(map(parameters.get("Symbol")).get("schema"))).containsEntry("maxLength", QueryService.MAX_SYMBOL_CHARS);
    }

    private static Map<String, Object> paths() {
        return map(spec.get("paths"));
    }

    private static Set<String> parameterNames(Object parameters, String in) {
        if (parameters == null) {
            return Set.of();
        }
        return ((List<?>) parameters).stream().map(OpenApiContractTest::resolve)
                .filter(p -> in.equals(p.get("in")))
                .map(p -> (String) p.get("name"))
                .collect(Collectors.toSet());
    }

    private static Map<String, Object> resolve(Object node) {
        Map<String, Object> m = map(node);
        Object ref = m.get("$ref");
        if (ref == null) {
            return m;
        }
        Map<String, Object> target = spec;
        for (String part : ((String) ref).substring(2).split("/")) {
            target = map(target.get(part));
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}
