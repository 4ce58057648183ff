package dev.finnews.query;

/** The query handler over a given API, for benchmarks outside the function's package. */
public final class QueryHandlers {
    private QueryHandlers() {
    }

    public static QueryHandler over(QueryApi api) {
        return new QueryHandler(api);
    }
}
