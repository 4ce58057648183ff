package dev.finnews.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a JSON value against an OpenAPI 3.0 schema, for the subset {@code openapi.yaml} uses:
 * {@code $ref}, {@code type}, {@code nullable}, {@code required}, {@code properties} (no others
 * allowed: an undocumented field is reported), {@code items}, {@code enum} and the {@code date} /
 * {@code date-time} formats.
 */
final class SchemaCheck {
    private final OpenApiSpec spec;

    SchemaCheck(OpenApiSpec spec) {
        this.spec = spec;
    }

    /** Every way {@code value} breaks {@code schema}, each as "path: problem"; empty when it conforms. */
    List<String> problems(JsonNode value, Map<String, Object> schema) {
        List<String> problems = new java.util.ArrayList<>();
        check(value, schema, "$", problems::add);
        return problems;
    }

    private void check(JsonNode value, Map<String, Object> schemaNode, String at, Consumer<String> problem) {
        Map<String, Object> schema = spec.resolve(schemaNode);
        if (value.isNull()) {
            if (!Boolean.TRUE.equals(schema.get("nullable"))) {
                problem.accept(at + ": null where the schema does not allow it");
            }
            return;
        }
        Object type = schema.get("type");
        if (type != null && !hasType(value, (String) type)) {
            problem.accept(at + ": " + value.getNodeType() + " where the schema wants " + type);
            return;
        }
        if (schema.get("enum") != null && !OpenApiSpec.strings(schema.get("enum")).contains(value.asText())) {
            problem.accept(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            checkFormat(value.asText(), (String) schema.get("format"), at, problem);
        }
        if (value.isArray() && schema.get("items") != null) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), OpenApiSpec.map(schema.get("items")), at + "[" + i + "]", problem);
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, at, problem);
        }
    }

    private void checkObject(JsonNode value, Map<String, Object> schema, String at, Consumer<String> problem) {
        Map<String, Object> properties = schema.get("properties") == null ? Map.of() : OpenApiSpec.map(schema.get("properties"));
        if (schema.get("required") != null) {
            for (String name : OpenApiSpec.strings(schema.get("required"))) {
                if (!value.has(name)) {
                    problem.accept(at + ": lacks the required '" + name + "'");
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            seen.add(name);
            if (!properties.containsKey(name)) {
                problem.accept(at + ": '" + name + "' is not documented");
            } else {
                check(value.get(name), OpenApiSpec.map(properties.get(name)), at + "." + name, problem);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> throw new IllegalStateException("the spec uses a type this check does not know: " + type);
        };
    }

    private static void checkFormat(String text, String format, String at, Consumer<String> problem) {
        try {
            if ("date".equals(format)) {
                LocalDate.parse(text);
            } else if ("date-time".equals(format)) {
                OffsetDateTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            problem.accept(at + ": '" + text + "' is not a " + format);
        }
    }
}
