package dev.finnews.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a raw request path against the {@link Route}s. The path is split on {@code /} first and each
 * segment then decoded exactly once, so {@code %2F} stays inside its segment and {@code %25} becomes a
 * plain {@code %}. One trailing slash is ignored; an empty segment elsewhere matches nothing.
 */
final class Router {
    private Router() {
    }

    /** A route and its decoded path parameters. */
    record Match(Route route, Map<String, String> parameters) {
        Match {
            parameters = Map.copyOf(parameters);
        }

        String parameter(String name) {
            return parameters.get(name);
        }
    }

    /**
     * The route a raw path names, or empty when none does.
     *
     * @throws ApiException {@link ErrorCode#INVALID_PATH} when a segment is not valid percent-encoded UTF-8
     */
    static Optional<Match> match(String rawPath) {
        List<String> segments = decodedSegments(rawPath);
        for (Route route : Route.values()) {
            Optional<Match> m = matchOne(route, segments);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    static List<String> decodedSegments(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/", -1)) {
            try {
                segments.add(PercentDecoding.pathSegment(raw));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ErrorCode.INVALID_PATH, "malformed path segment: " + e.getMessage());
            }
        }
        return segments;
    }

    private static Optional<Match> matchOne(Route route, List<String> segments) {
        List<String> parts = route.parts();
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            String segment = segments.get(i);
            if (part.startsWith("{")) {
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(part.substring(1, part.length() - 1), segment);
            } else if (!part.equals(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Match(route, parameters));
    }
}
