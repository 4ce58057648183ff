package dev.finnews.query;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Every route the API serves, with what a client may send it and how long an answer may be cached.
 * All are {@code GET} (and {@code OPTIONS} for CORS preflight); {@code infrastructure/openapi.yaml}
 * documents exactly these.
 */
public enum Route {
    ARTICLE("/articles/{id}", Set.of(), "public, max-age=300"),
    ARTICLES("/articles", Params.RANGED_LIST, Caching.LIST),
    CATEGORY_ARTICLES("/categories/{category}/articles", Params.RANGED_LIST, Caching.LIST),
    DATE_ARTICLES("/dates/{date}/articles", Params.LIST, Caching.LIST),
    STOCK_ARTICLES("/stocks/{symbol}/articles", Params.RANGED_LIST, Caching.LIST),
    CATEGORIES("/categories", Params.LIST, Caching.DIRECTORY),
    STOCKS("/stocks", Params.LIST, Caching.DIRECTORY),
    // Operator data that changes with every failed upload and may be IAM-protected: never cached.
    FAILURES("/failures", Params.LIST, "no-store");

    /** The methods every route answers; anything else gets 405. */
    public static final List<String> METHODS = List.of("GET", "OPTIONS");

    private final String template;
    private final List<String> parts;
    private final Set<String> queryParameters;
    private final String cacheControl;

    Route(String template, Set<String> queryParameters, String cacheControl) {
        this.template = template;
        this.parts = Arrays.asList(template.substring(1).split("/"));
        this.queryParameters = queryParameters;
        this.cacheControl = cacheControl;
    }

    /** The path as the spec writes it: {@code /categories/{category}/articles}. */
    public String template() {
        return template;
    }

    /** The query parameters this route reads; others are ignored. */
    public Set<String> queryParameters() {
        return queryParameters;
    }

    /** True when the route takes {@code from}/{@code to}. */
    public boolean ranged() {
        return queryParameters.contains("from");
    }

    String cacheControl() {
        return cacheControl;
    }

    /** The template's segments; a {@code {name}} segment captures one decoded path segment. */
    List<String> parts() {
        return parts;
    }

    private static final class Params {
        static final Set<String> LIST = Set.of("limit", "cursor", "order");
        static final Set<String> RANGED_LIST = Set.of("limit", "cursor", "order", "from", "to");
    }

    private static final class Caching {
        // Lists change whenever an article arrives: short. Category and stock directories change less often.
        static final String LIST = "public, max-age=30";
        static final String DIRECTORY = "public, max-age=60";
    }
}
