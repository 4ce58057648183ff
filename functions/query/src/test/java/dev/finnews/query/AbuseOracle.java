package dev.finnews.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finnews.query.AbuseRequests.Abuse;
import dev.finnews.query.OpenApiSpec.Operation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges one response by the spec alone. It finds the operation a request names with its own strict
 * reading of the path (independent of the router), and then requires: no 5xx; a status the operation
 * documents (404 for a path no template matches, 400 {@code INVALID_PATH} for one that cannot be
 * decoded, 405 for a method the spec does not list); error bodies of the documented shape with a code
 * from the spec's enum; 2xx bodies that match the documented schema; the documented headers; and no raw
 * {@code <}, {@code >} or {@code &} anywhere.
 */
final class AbuseOracle {
    /** An error quotes at most a short part of the input, whatever its size. */
    static final int MAX_ERROR_BODY_CHARS = 2048;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenApiSpec spec;
    private final SchemaCheck schemas;
    private final Set<String> errorCodes;
    private final Map<String, Object> errorSchema;
    private final String allow;

    AbuseOracle(OpenApiSpec spec) {
        this.spec = spec;
        this.schemas = new SchemaCheck(spec);
        this.errorCodes = spec.errorCodes();
        this.errorSchema = spec.schema("Error");
        Map<String, Object> allowHeader = spec.resolve(OpenApiSpec.map(spec.response("MethodNotAllowed").get("headers")).get("Allow"));
        this.allow = OpenApiSpec.strings(OpenApiSpec.map(allowHeader.get("schema")).get("enum")).get(0);
    }

    /** Everything wrong with {@code response} as the answer to {@code abuse}; empty when it is right. */
    List<String> problems(Abuse abuse, HttpResponse response) {
        List<String> problems = new ArrayList<>();
        HttpRequest request = abuse.request();
        int status = response.status();
        if (status >= 500) {
            problems.add("a server error");
        }
        if (abuse.expectStatus() != 0 && status != abuse.expectStatus()) {
            problems.add("the spec fixes status " + abuse.expectStatus() + " for this request");
        }
        checkCommonHeaders(response, problems);
        checkNoMarkup(response, problems);

        Optional<String> template = Optional.empty();
        PathReading reading = read(request.rawPath());
        if (!reading.decodable()) {
            expect(status, 400, "an undecodable path", problems);
        } else {
            template = reading.template();
            if (template.isEmpty()) {
                expect(status, 404, "a path no template matches", problems);
            } else if (!spec.methods(template.get()).contains(request.method())) {
                expect(status, 405, "a method " + template.get() + " does not list", problems);
                if (status == 405 && !allow.equals(response.header("Allow"))) {
                    problems.add("405 without 'Allow: " + allow + "'");
                }
            } else {
                Operation op = spec.operation(template.get(), request.method()).orElseThrow();
                if (!op.responses().containsKey(status)) {
                    problems.add("status " + status + " is not documented for " + op.method() + " " + op.template()
                            + " (documented: " + op.responses().keySet() + ")");
                }
            }
        }
        if (status >= 400) {
            checkError(abuse, response, reading, problems);
        } else if (status == 204) {
            checkPreflight(response, problems);
        } else if (status == 200 && template.isPresent()) {
            Operation op = spec.operation(template.get(), request.method()).orElseThrow();
            checkBody(response, op, problems);
        }
        return problems;
    }

    private void checkError(Abuse abuse, HttpResponse response, PathReading reading, List<String> problems) {
        if (response.body().length() > MAX_ERROR_BODY_CHARS) {
            problems.add("an error body of " + response.body().length() + " characters: input echoed unbounded");
        }
        if (!"no-store".equals(response.header("Cache-Control"))) {
            problems.add("an error without 'Cache-Control: no-store'");
        }
        JsonNode body = parse(response.body(), problems);
        if (body == null) {
            return;
        }
        problems.addAll(schemas.problems(body, errorSchema));
        JsonNode code = body.path("error").path("code");
        if (!errorCodes.contains(code.asText())) {
            problems.add("error code " + code + " is not in the spec's ErrorCode enum");
            return;
        }
        if (ErrorCode.valueOf(code.asText()).status() != response.status()) {
            problems.add("error code " + code.asText() + " under status " + response.status());
        }
        if (abuse.expectCode() != null && !abuse.expectCode().equals(code.asText())) {
            problems.add("the spec fixes error code " + abuse.expectCode() + " for this request");
        }
        if (!reading.decodable() && !"INVALID_PATH".equals(code.asText())) {
            problems.add("an undecodable path answered with " + code.asText() + ", not INVALID_PATH");
        }
        boolean candidates = body.path("error").has("candidates");
        if (candidates != "AMBIGUOUS_SYMBOL".equals(code.asText())) {
            problems.add("'candidates' belongs to AMBIGUOUS_SYMBOL and only there");
        }
    }

    private void checkBody(HttpResponse response, Operation op, List<String> problems) {
        JsonNode body = parse(response.body(), problems);
        Optional<Map<String, Object>> schema = op.bodySchema(200);
        if (body != null && schema.isPresent()) {
            problems.addAll(schemas.problems(body, schema.get()));
        }
    }

    private void checkPreflight(HttpResponse response, List<String> problems) {
        if (!response.body().isEmpty()) {
            problems.add("a preflight answer with a body");
        }
        Map<String, Object> headers = OpenApiSpec.map(spec.response("Preflight").get("headers"));
        for (String name : headers.keySet()) {
            if (response.header(name) == null) {
                problems.add("a preflight answer without " + name);
            }
        }
        String methods = OpenApiSpec.strings(OpenApiSpec.map(OpenApiSpec.map(headers.get("Access-Control-Allow-Methods")).get("schema")).get("enum")).get(0);
        if (!methods.equals(response.header("Access-Control-Allow-Methods"))) {
            problems.add("Access-Control-Allow-Methods is not '" + methods + "'");
        }
    }

    private static void checkCommonHeaders(HttpResponse response, List<String> problems) {
        if (!"application/json; charset=utf-8".equals(response.header("Content-Type"))) {
            problems.add("Content-Type is " + response.header("Content-Type"));
        }
        if (!"nosniff".equals(response.header("X-Content-Type-Options"))) {
            problems.add("no 'X-Content-Type-Options: nosniff'");
        }
        String origin = response.header("Access-Control-Allow-Origin");
        if (origin == null || origin.isBlank()) {
            problems.add("no Access-Control-Allow-Origin");
        }
    }

    private static void checkNoMarkup(HttpResponse response, List<String> problems) {
        if (containsMarkup(response.body())) {
            problems.add("a raw '<', '>' or '&' in the body");
        }
        response.headers().forEach((name, value) -> {
            if (containsMarkup(name) || containsMarkup(value)) {
                problems.add("a raw '<', '>' or '&' in header " + name);
            }
            if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                problems.add("a control character in header " + name);
            }
        });
    }

    private static boolean containsMarkup(String s) {
        return s.indexOf('<') >= 0 || s.indexOf('>') >= 0 || s.indexOf('&') >= 0;
    }

    private static void expect(int status, int expected, String what, List<String> problems) {
        if (status != expected) {
            problems.add(what + " must get " + expected);
        }
    }

    private static JsonNode parse(String body, List<String> problems) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                problems.add("the body is not a JSON object");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            problems.add("the body is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    // ---- the oracle's own reading of a path -------------------------------------------------------

    /** Whether every segment decodes, and which template, if any, the decoded segments match. */
    record PathReading(boolean decodable, Optional<String> template) {
    }

    PathReading read(String rawPath) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        path = path.startsWith("/") ? path.substring(1) : path;
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/", -1)) {
            Optional<String> decoded = decode(raw);
            if (decoded.isEmpty()) {
                return new PathReading(false, Optional.empty());
            }
            segments.add(decoded.get());
        }
        for (String template : spec.templates()) {
            String[] parts = template.substring(1).split("/");
            if (parts.length != segments.size()) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                matches = parts[i].startsWith("{") ? !segments.get(i).isEmpty() : parts[i].equals(segments.get(i));
            }
            if (matches) {
                return new PathReading(true, Optional.of(template));
            }
        }
        return new PathReading(true, Optional.empty());
    }

    /** RFC 3986 percent-decoding to UTF-8, refusing anything that is not exactly that. */
    private static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    return Optional.empty();
                }
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                bytes.writeBytes(raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.empty();
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** ASCII hex digits only. */
    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
