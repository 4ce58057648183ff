package dev.finnews.local.up;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finnews.local.lambda.LocalFunction;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates between plain HTTP and what API Gateway's HTTP API ({@code $default} route, payload
 * format 2.0) hands a Lambda function and makes of its answer: header names lower-cased and repeats
 * joined with commas, cookies moved to {@code cookies}, the path still percent-encoded in
 * {@code rawPath}, query parameters decoded in {@code queryStringParameters} (repeats joined with
 * commas), a binary body base64-encoded; and back, {@code cookies} as {@code Set-Cookie} headers and
 * a base64 body decoded.
 */
final class HttpApiEvents {
    static final String STAGE = "$default";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpApiEvents() {
    }

    /**
     * A request as it arrived.
     *
     * @param rawPath     the path exactly as sent (percent-encoding intact)
     * @param rawQuery    the query string as sent, without {@code ?}; null when there is none
     * @param headers     names as received, each with its values in order
     * @param sourceIp    the client's address
     * @param body        the body's bytes (empty for none)
     */
    record Request(String method, String rawPath, String rawQuery, String protocol, Map<String, List<String>> headers,
                   String sourceIp, byte[] body) {
    }

    /** What to send back: status, headers (a name may repeat) and body bytes. */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /** API Gateway's answer when the function itself failed. */
    static final Response INTERNAL_SERVER_ERROR = gatewayMessage(500, "Internal Server Error");
    /** API Gateway's answer to a body over its payload limit. */
    static final Response PAYLOAD_TOO_LARGE = gatewayMessage(413, "Request Entity Too Large");

    private static Response gatewayMessage(int status, String message) {
        return new Response(status, List.of(Map.entry("content-type", "application/json")),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static APIGatewayV2HTTPEvent toEvent(Request request, String requestId, Instant now, int port) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> cookies.addAll(splitCookies(v)));
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-port", Integer.toString(port));
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", traceId(now));
        String host = headers.getOrDefault("host", "127.0.0.1:" + port);

        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method().toUpperCase(Locale.ROOT))
                .withPath(request.rawPath())
                .withProtocol(request.protocol())
                .withSourceIp(request.sourceIp())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(LocalFunction.ACCOUNT)
                .withApiId("local")
                .withDomainName(host)
                .withDomainPrefix(host.contains(".") ? host.substring(0, host.indexOf('.')) : host)
                .withHttp(http)
                .withRequestId(requestId)
                .withRouteKey(STAGE)
                .withStage(STAGE)
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .build();
        Body body = body(request.body(), headers.get("content-type"));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(STAGE)
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQuery() == null ? "" : request.rawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(request.rawQuery()))
                .withRequestContext(context)
                .withBody(body.text())
                .withIsBase64Encoded(body.base64())
                .build();
    }

    static Response toResponse(APIGatewayV2HTTPResponse response, String requestId) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.add(Map.entry(name, value)));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(c -> headers.add(Map.entry("set-cookie", c)));
        }
        if (headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("content-type"))) {
            headers.add(Map.entry("content-type", "application/json"));
        }
        headers.add(Map.entry("apigw-requestid", requestId));
        String text = response.getBody() == null ? "" : response.getBody();
        byte[] body = response.getIsBase64Encoded() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        return new Response(status, List.copyOf(headers), body);
    }

    /** API Gateway's request ids look like {@code JKJaXmPLvHcESHA=}. */
    static String newRequestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String> splitCookies(String header) {
        List<String> cookies = new ArrayList<>();
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) {
                cookies.add(cookie.strip());
            }
        }
        return cookies;
    }

    /** Decoded parameters, repeats joined with commas; null when there is no query string, as API Gateway sends it. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    /** Form decoding; a malformed escape is passed through as written rather than failing the request. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private record Body(String text, boolean base64) {
    }

    /** Text bodies pass as text; anything that is not valid UTF-8 text goes base64-encoded. */
    private static Body body(byte[] bytes, String contentType) {
        if (bytes.length == 0) {
            return new Body(null, false);
        }
        boolean textual = contentType == null || contentType.startsWith("text/") || contentType.contains("json")
                || contentType.contains("xml") || contentType.contains("x-www-form-urlencoded");
        if (textual) {
            try {
                return new Body(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString(), false);
            } catch (CharacterCodingException notText) {
                // falls through to base64
            }
        }
        return new Body(Base64.getEncoder().encodeToString(bytes), true);
    }

    /** An X-Ray style trace header, as API Gateway adds one. */
    private static String traceId(Instant now) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }
}
