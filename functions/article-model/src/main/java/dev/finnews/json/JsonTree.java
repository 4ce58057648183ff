package dev.finnews.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into plain maps, lists, strings, numbers, booleans and nulls with the
 * streaming parser only. The functions read their Lambda events with it: mapping an event onto
 * classes by reflection, as Lambda's runtime does for typed handlers, costs a cold start about as
 * much as building the SDK client (docs/performance.md). Nesting depth is bounded by jackson-core's
 * read constraints.
 */
public final class JsonTree {
    private JsonTree() {
    }

    /**
     * The document's value; an empty input reads as {@code null}. Odd text never fails the read: it is
     * read as UTF-8 characters, malformed bytes become U+FFFD and escaped lone surrogates stay as they are
     * (the byte-level parser refuses them in member names, where hostile header names put them).
     */
    public static Object read(InputStream in) throws IOException {
        try (JsonParser p = Json.factory().createParser(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            Object value = value(p, first);
            if (p.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
            return value;
        }
    }

    /** {@code value} as an object, or an empty map when it is anything else. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The member {@code name} of {@code value} as an object, or an empty map. */
    public static Map<String, Object> object(Map<String, Object> value, String name) {
        return object(value.get(name));
    }

    /** The member {@code name} as a string (numbers and booleans in their JSON spelling), or null. */
    public static String string(Map<String, Object> value, String name) {
        Object member = value.get(name);
        return member instanceof String || member instanceof Number || member instanceof Boolean ? member.toString() : null;
    }

    /** The member {@code name} as a list (its elements may be null), or an empty list. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> value, String name) {
        return value.get(name) instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, t));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected JSON token " + token);
        };
    }
}
