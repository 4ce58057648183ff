package dev.finnews.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the generator's front matter line by line when it is not valid YAML. The generator writes
 * {@code key: value} lines and block lists ({@code  - item}) without escaping, so a title holding both
 * quote kinds ({@code "It's "big""}) breaks YAML but is still clear: the outer quotes are the wrapper.
 */
final class LenientFrontMatter {
    private LenientFrontMatter() {
    }

    /** Scalars as strings, block lists as lists of strings; the first occurrence of a key wins. */
    static Map<String, Object> read(String block) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> currentList = null;
        for (String line : block.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("- ") || trimmed.equals("-")) {
                if (currentList != null) {
                    currentList.add(unquote(trimmed.substring(1).strip()));
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0)) || !isKey(line, colon)) {
                currentList = null;
                continue;
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (fields.containsKey(key)) {
                currentList = null;
                continue;
            }
            if (value.isEmpty()) {
                currentList = new ArrayList<>();
                fields.put(key, currentList);
            } else {
                currentList = null;
                fields.put(key, unquote(value));
            }
        }
        return fields;
    }

    private static boolean isKey(String line, int colon) {
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if ((first == '\'' || first == '"') && last == first) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }
}
