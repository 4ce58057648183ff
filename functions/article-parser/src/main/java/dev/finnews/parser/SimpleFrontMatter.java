package dev.finnews.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fast reader for the front matter the generator writes: {@code key: value} lines and block-list
 * items whose values are plain scalars with no YAML indicator, or single-line quoted scalars with no
 * escapes. For exactly those lines YAML's failsafe schema gives the same strings, so the full YAML
 * parser (several times slower than the rest of the front matter work) only runs for anything else.
 */
final class SimpleFrontMatter {
    /** Characters a plain YAML scalar must not start with. */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private SimpleFrontMatter() {
    }

    /** The fields, or empty when any line is outside the simple subset (YAML then decides). */
    static Optional<Map<String, Object>> read(String block) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> currentList = null;
        int listIndent = -1;
        int lineStart = 0;
        while (lineStart < block.length()) {
            int nl = block.indexOf('\n', lineStart);
            int end = nl < 0 ? block.length() : nl;
            String line = block.substring(lineStart, end);
            lineStart = end + 1;
            if (line.isBlank()) {
                if (!line.isEmpty() && !allSpaces(line)) {
                    return Optional.empty();
                }
                continue;
            }
            if (!printable(line)) {
                return Optional.empty();
            }
            int indent = 0;
            while (line.charAt(indent) == ' ') {
                indent++;
            }
            if (line.startsWith("- ", indent) || line.substring(indent).equals("-")) {
                if (currentList == null || (listIndent >= 0 && indent != listIndent)) {
                    return Optional.empty();
                }
                listIndent = indent;
                Optional<String> item = scalar(line.substring(indent + 1).strip());
                if (item.isEmpty()) {
                    return Optional.empty();
                }
                currentList.add(item.get());
                continue;
            }
            if (indent > 0) {
                return Optional.empty();
            }
            int colon = keyEnd(line);
            if (colon < 0) {
                return Optional.empty();
            }
            String key = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (fields.containsKey(key)) {
                return Optional.empty(); // YAML rejects duplicate keys
            }
            listIndent = -1;
            if (value.isEmpty()) {
                currentList = new ArrayList<>();
                fields.put(key, currentList);
                continue;
            }
            currentList = null;
            Optional<String> scalar = scalar(value);
            if (scalar.isEmpty()) {
                return Optional.empty();
            }
            fields.put(key, scalar.get());
        }
        // an empty value with no items below is null in YAML, never a list
        fields.replaceAll((k, v) -> v instanceof List<?> list && list.isEmpty() ? null : v);
        return Optional.of(fields);
    }

    /** The index of the colon ending a simple key ({@code [A-Za-z_][A-Za-z0-9_-]*}), or -1. */
    private static int keyEnd(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            boolean keyChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && ((c >= '0' && c <= '9') || c == '-'));
            if (!keyChar) {
                break;
            }
            i++;
        }
        boolean colonThenSpaceOrEnd = i > 0 && i < line.length() && line.charAt(i) == ':'
                && (i + 1 == line.length() || line.charAt(i + 1) == ' ');
        return colonThenSpaceOrEnd ? i : -1;
    }

    /** The value of a simple scalar, or empty when YAML could read it differently. */
    private static Optional<String> scalar(String v) {
        if (v.isEmpty()) {
            return Optional.empty();
        }
        char first = v.charAt(0);
        if (first == '\'' || first == '"') {
            String inner = v.length() >= 2 && v.charAt(v.length() - 1) == first ? v.substring(1, v.length() - 1) : null;
            boolean simple = inner != null && inner.indexOf(first) < 0 && (first == '\'' || inner.indexOf('\\') < 0);
            return simple ? Optional.of(inner) : Optional.empty();
        }
        if (INDICATORS.indexOf(first) >= 0 || v.contains(": ") || v.contains(" #") || v.endsWith(":")) {
            return Optional.empty();
        }
        return Optional.of(v);
    }

    private static boolean allSpaces(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** YAML's printable set, without tabs (which YAML treats specially in indentation). */
    private static boolean printable(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean ok = (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
            if (!ok && Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1))) {
                i++;
                ok = true;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
