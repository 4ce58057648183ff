package dev.finnews.query;

import dev.finnews.store.ArticleQueries;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's front door: one request in, one response out, whatever happens. Routing, method checks,
 * CORS, the common headers and the mapping of every failure to a JSON error live here, so the Lambda
 * handler, the local runner and the tests all get the same behaviour.
 */
public final class QueryApi {
    private static final String ALLOW = String.join(", ", Route.METHODS);
    private static final String PREFLIGHT_HEADERS =
            "Content-Type, Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256";

    private final QueryService service;
    private final String allowedOrigin;
    private final ErrorLog log;

    public QueryApi(ArticleQueries store, QueryConfig config) {
        this(store, config, ErrorLog.stdout());
    }

    QueryApi(ArticleQueries store, QueryConfig config, ErrorLog log) {
        this.service = new QueryService(store, new CursorCodec(config.cursorSecret()));
        this.allowedOrigin = config.allowedOrigin();
        this.log = log;
    }

    public HttpResponse handle(HttpRequest request) {
        try {
            return route(request);
        } catch (ApiException e) {
            return error(e.code(), e.getMessage(), e.candidates(), Map.of());
        } catch (RuntimeException e) {
            if (isThrottling(e)) {
                log.log("WARN", "the table is throttling reads", request, e);
                return error(ErrorCode.UNAVAILABLE, "the service is busy; retry shortly", List.of(), Map.of("Retry-After", "1"));
            }
            log.log("ERROR", "unhandled error", request, e);
            return error(ErrorCode.INTERNAL, "internal error (request id " + request.requestId() + ")", List.of(), Map.of());
        }
    }

    private HttpResponse route(HttpRequest request) {
        Optional<Router.Match> match = Router.match(request.rawPath());
        if (match.isEmpty()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no route " + Echo.quote(request.rawPath())
                    + "; see the API description for the routes");
        }
        Route route = match.get().route();
        switch (request.method()) {
            case "GET" -> {
                String body = service.answer(match.get(), QueryString.parse(request.rawQuery()));
                return response(200, route.cacheControl(), body, Map.of());
            }
            case "OPTIONS" -> {
                return response(204, "no-store", "", Map.of(
                        "Access-Control-Allow-Methods", ALLOW,
                        "Access-Control-Allow-Headers", PREFLIGHT_HEADERS,
                        "Access-Control-Max-Age", "86400"));
            }
            default -> {
                return error(ErrorCode.METHOD_NOT_ALLOWED, Echo.quote(request.method()) + " is not allowed on "
                        + route.template() + "; use " + ALLOW, List.of(), Map.of("Allow", ALLOW));
            }
        }
    }

    private HttpResponse error(ErrorCode code, String message, List<String> candidates, Map<String, String> extra) {
        return response(code.status(), "no-store", ResponseJson.error(code, message, candidates), extra);
    }

    private HttpResponse response(int status, String cacheControl, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", cacheControl);
        headers.put("Access-Control-Allow-Origin", allowedOrigin);
        if (!"*".equals(allowedOrigin)) {
            headers.put("Vary", "Origin");
        }
        headers.putAll(extra);
        return new HttpResponse(status, headers, body);
    }

    /** DynamoDB throttling (after the SDK's own retries) is the caller's cue to come back, not a fault. */
    private static boolean isThrottling(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException service && service.isThrottlingException()) {
                return true;
            }
        }
        return false;
    }
}
