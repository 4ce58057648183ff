package dev.finnews.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query string as sent ({@code rawQueryString}), split on {@code &} and {@code =} and decoded once in
 * form style ({@code +} is a space). Values stay raw until asked for, so a malformed value is reported
 * with the code of the parameter it belongs to; pairs whose name cannot be decoded cannot be ours and
 * are ignored, like any unknown parameter.
 */
final class QueryString {
    private final Map<String, List<String>> rawValues;

    private QueryString(Map<String, List<String>> rawValues) {
        this.rawValues = rawValues;
    }

    static QueryString parse(String rawQuery) {
        Map<String, List<String>> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    values.computeIfAbsent(PercentDecoding.formValue(rawName), n -> new ArrayList<>()).add(rawValue);
                } catch (IllegalArgumentException unreadableName) {
                    // not one of our parameter names
                }
            }
        }
        return new QueryString(values);
    }

    /**
     * The decoded value of a parameter given at most once, or empty when absent.
     *
     * @throws ApiException with {@code code} when the parameter is repeated or its value is malformed
     */
    Optional<String> single(String name, ErrorCode code) {
        List<String> raw = rawValues.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.size() > 1) {
            throw new ApiException(code, "'" + name + "' may be given once");
        }
        try {
            return Optional.of(PercentDecoding.formValue(raw.get(0)));
        } catch (IllegalArgumentException e) {
            throw new ApiException(code, "'" + name + "' is not validly encoded: " + e.getMessage());
        }
    }
}
