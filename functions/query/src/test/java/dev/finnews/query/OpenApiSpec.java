package dev.finnews.query;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code infrastructure/openapi.yaml} read as data: its operations with their parameters and documented
 * answers, and its schemas. The abuse tests build requests from it and judge responses by it, so the
 * spec, not the code, says what is allowed.
 */
final class OpenApiSpec {
    static final Path FILE = Path.of("../../infrastructure/openapi.yaml");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final Map<String, Object> root;
    private final List<Operation> operations;

    /** A parameter, its schema and description; {@code in} is {@code path} or {@code query}. */
    record Parameter(String name, String in, Map<String, Object> schema, String description) {
    }

    /** One method on one path, as documented. */
    record Operation(String template, String method, List<Parameter> parameters, Map<Integer, Map<String, Object>> responses) {
        List<String> segments() {
            return Arrays.asList(template.substring(1).split("/"));
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        Optional<Parameter> pathParameter(String name) {
            return in("path").stream().filter(p -> p.name().equals(name)).findFirst();
        }

        /** The JSON schema of a documented answer's body, or empty when it has none. */
        Optional<Map<String, Object>> bodySchema(int status) {
            Map<String, Object> response = responses.get(status);
            if (response == null || response.get("content") == null) {
                return Optional.empty();
            }
            Map<String, Object> json = map(map(response.get("content")).get("application/json"));
            return Optional.of(map(json.get("schema")));
        }
    }

    private OpenApiSpec(Map<String, Object> root) {
        this.root = root;
        this.operations = readOperations();
    }

    @SuppressWarnings("unchecked")
    static OpenApiSpec load() {
        try {
            return new OpenApiSpec((Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** The distinct path templates, in spec order. */
    List<String> templates() {
        return operations.stream().map(Operation::template).distinct().toList();
    }

    /** The documented methods of a path template, upper case. */
    Set<String> methods(String template) {
        Set<String> methods = new TreeSet<>();
        operations.stream().filter(o -> o.template().equals(template)).forEach(o -> methods.add(o.method()));
        return methods;
    }

    Optional<Operation> operation(String template, String method) {
        return operations.stream().filter(o -> o.template().equals(template) && o.method().equals(method)).findFirst();
    }

    /** {@code ErrorCode}'s enum: every code an error body may carry. */
    Set<String> errorCodes() {
        return Set.copyOf(strings(schema("ErrorCode").get("enum")));
    }

    Map<String, Object> schema(String name) {
        return map(map(map(root.get("components")).get("schemas")).get(name));
    }

    /** A response from {@code components/responses}, e.g. {@code MethodNotAllowed}. */
    Map<String, Object> response(String name) {
        return map(map(map(root.get("components")).get("responses")).get(name));
    }

    /** Follows a {@code $ref} (only local ones are used); any other node is returned as is. */
    Map<String, Object> resolve(Object node) {
        Map<String, Object> m = map(node);
        Object ref = m.get("$ref");
        if (ref == null) {
            return m;
        }
        Map<String, Object> target = root;
        for (String part : ((String) ref).substring(2).split("/")) {
            target = map(target.get(part));
        }
        return target;
    }

    private List<Operation> readOperations() {
        List<Operation> result = new ArrayList<>();
        map(root.get("paths")).forEach((template, itemNode) -> {
            Map<String, Object> item = map(itemNode);
            List<Parameter> shared = parameters(item.get("parameters"));
            item.forEach((key, opNode) -> {
                if (!HTTP_METHODS.contains(key)) {
                    return;
                }
                Map<String, Object> op = map(opNode);
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(op.get("parameters")));
                Map<Integer, Map<String, Object>> responses = new LinkedHashMap<>();
                map(op.get("responses")).forEach((status, response) -> responses.put(Integer.valueOf(status), resolve(response)));
                result.add(new Operation(template, key.toUpperCase(Locale.ROOT), List.copyOf(parameters), Map.copyOf(responses)));
            });
        });
        return List.copyOf(result);
    }

    private List<Parameter> parameters(Object node) {
        if (node == null) {
            return List.of();
        }
        List<Parameter> parameters = new ArrayList<>();
        for (Object p : (List<?>) node) {
            Map<String, Object> resolved = resolve(p);
            parameters.add(new Parameter((String) resolved.get("name"), (String) resolved.get("in"), resolve(resolved.get("schema")),
                    String.valueOf(resolved.getOrDefault("description", ""))));
        }
        return parameters;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map)) {
            throw new IllegalStateException("the spec has no object where one is expected: " + node);
        }
        return (Map<String, Object>) node;
    }

    static List<String> strings(Object node) {
        return ((List<?>) node).stream().map(String::valueOf).toList();
    }
}
