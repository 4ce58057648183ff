package dev.finnews.infrastructure;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml as plain maps and lists. CloudFormation's short forms ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}…) become their long JSON forms ({@code {"Ref": …}}, {@code {"Fn::Sub": …}}), so a
 * check reads the same structure CloudFormation does.
 */
final class CfnTemplate {
    private final Map<String, Object> root;

    private CfnTemplate(Map<String, Object> root) {
        this.root = root;
    }

    static CfnTemplate load(Path file) {
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
            Object parsed = new Load(settings, new IntrinsicConstructor(settings))
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
            return new CfnTemplate(map(parsed));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError("template has no resource " + logicalId);
        }
        return map(resource);
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    /** Logical id → resource, for every resource of one type, in template order. */
    Map<String, Map<String, Object>> ofType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                found.put(id, map(resource));
            }
        });
        return found;
    }

    Map<String, Object> parameters() {
        return map(root.getOrDefault("Parameters", Map.of()));
    }

    Map<String, Object> parameter(String name) {
        return map(Optional.ofNullable(parameters().get(name)).orElseThrow(() -> new AssertionError("no parameter " + name)));
    }

    /** {@code Globals.Function}, which SAM merges into every function. */
    Map<String, Object> functionGlobals() {
        return map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
    }

    /** A value at a path of map keys, or empty. */
    static Optional<Object> at(Object start, String... keys) {
        Object current = start;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return Optional.empty();
            }
            current = m.get(key);
        }
        return Optional.ofNullable(current);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    /** A list, or a single value as a one-element list (IAM allows both for Action and Resource). */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }

    static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }

    /** Reads the short-form intrinsic tags into their long forms. */
    private static final class IntrinsicConstructor extends StandardConstructor {
        private static final List<String> FUNCTIONS = List.of("And", "Base64", "Cidr", "Equals", "FindInMap", "GetAZs",
                "If", "ImportValue", "Join", "Not", "Or", "Select", "Split", "Sub", "Transform", "ToJsonString", "Length");

        IntrinsicConstructor(LoadSettings settings) {
            super(settings);
            tagConstructors.put(new Tag("!Ref"), node -> Map.of("Ref", content(node)));
            tagConstructors.put(new Tag("!Condition"), node -> Map.of("Condition", content(node)));
            tagConstructors.put(new Tag("!GetAtt"), node -> Map.of("Fn::GetAtt", node instanceof ScalarNode scalar
                    // !GetAtt Resource.Attribute is the short form of [Resource, Attribute]
                    ? Arrays.asList(constructScalar(scalar).split("\\.", 2))
                    : content(node)));
            for (String function : FUNCTIONS) {
                tagConstructors.put(new Tag("!" + function), node -> Map.of("Fn::" + function, content(node)));
            }
        }

        private Object content(Node node) {
            if (node instanceof ScalarNode scalar) {
                return constructScalar(scalar);
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }
    }
}
