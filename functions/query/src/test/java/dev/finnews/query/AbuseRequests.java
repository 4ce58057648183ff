package dev.finnews.query;

import dev.finnews.query.OpenApiSpec.Operation;
import dev.finnews.query.OpenApiSpec.Parameter;
import dev.finnews.store.PageToken;
import dev.finnews.store.SortOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates requests from the operations of {@code openapi.yaml}, deterministically for a seed: valid
 * ones built from the data the store holds, each parameter at its schema's edges and beyond, hostile
 * values in every place, broken paths, query strings, methods and headers, and forged or replayed
 * cursors. Where the spec fixes the answer (a duplicated parameter, a method it does not list, a
 * tampered cursor) the request carries that expectation; where two requests must be answered alike (an
 * ignored header, an equivalent encoding) it carries the twin to compare with.
 */
final class AbuseRequests {
    private static final List<String> ODD_METHODS = List.of("POST", "PUT", "DELETE", "PATCH", "HEAD", "TRACE", "CONNECT",
            "PROPFIND", "MKCOL", "get", "Get", "GET ", "", "G\u0000T", "X".repeat(1000), "GET\r\nX-Injected: 1", "OPTIONS2", "\u0130");
    private static final List<String> STAGES = List.of("prod", "v1", "%24default", "stage", "..");
    private static final List<String> UNKNOWN_NAMES = List.of("foo", "LIMIT", "Limit", "limit ", "limit%00", "limit[]",
            "__proto__", "constructor", "%ZZ", "", "page", "offset", "sort", "filter", "callback", "a".repeat(HostileText.HUGE));
    private static final Pattern DOCUMENTED_CODE = Pattern.compile("400 ([A-Z_]+)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /**
     * One generated request.
     *
     * @param family       what kind of abuse it is, for the tally
     * @param expectStatus the status the spec fixes for it, or 0 when only the general rules apply
     * @param expectCode   the error code the spec fixes for it, or null
     * @param twin         a request that must get exactly the same answer, or null
     */
    record Abuse(HttpRequest request, String family, int expectStatus, String expectCode, HttpRequest twin) {
        static Abuse of(String family, HttpRequest request) {
            return new Abuse(request, family, 0, null, null);
        }

        Abuse expecting(int status, String code) {
            return new Abuse(request, family, status, code, twin);
        }

        Abuse sameAs(HttpRequest other) {
            return new Abuse(request, family, expectStatus, expectCode, other);
        }
    }

    /** A request under construction: raw path segments, raw query pairs, method, headers. */
    private static final class Draft {
        final Operation op;
        final List<String> segments = new ArrayList<>();
        final List<String[]> query = new ArrayList<>();
        String method;
        final Map<String, String> headers = new LinkedHashMap<>();

        Draft(Operation op) {
            this.op = op;
            this.method = op.method();
        }

        Draft copy() {
            Draft d = new Draft(op);
            d.segments.addAll(segments);
            query.forEach(p -> d.query.add(p.clone()));
            d.method = method;
            d.headers.putAll(headers);
            return d;
        }

        HttpRequest request() {
            return new HttpRequest(method, "/" + String.join("/", segments), rawQuery(), headers, "abuse");
        }

        String rawQuery() {
            List<String> pairs = new ArrayList<>();
            for (String[] p : query) {
                pairs.add(p[1] == null ? p[0] : p[0] + "=" + p[1]);
            }
            return String.join("&", pairs);
        }
    }

    private final SplittableRandom random;
    private final HostileText text;
    private final Map<String, List<String>> samples;
    private final CursorJar cursors;
    private final CursorCodec ourCodec;
    private final List<Operation> operations;
    private final List<Operation> lists;
    private final List<String> oddMethods;

    /**
     * @param samples values the store holds, by parameter name ({@code id}, {@code category}, {@code symbol},
     *                {@code date}), so valid requests find something
     * @param ourCodec the deployment's own cursor codec, to sign positions the store never made
     * @param methodsCaseSensitive whether {@code get} is another method than {@code GET} for the layer under test
     */
    AbuseRequests(OpenApiSpec spec, SplittableRandom random, Map<String, List<String>> samples, CursorJar cursors, CursorCodec ourCodec,
                  boolean methodsCaseSensitive) {
        this.random = random;
        this.text = new HostileText(random);
        this.samples = samples;
        this.cursors = cursors;
        this.ourCodec = ourCodec;
        this.operations = spec.operations();
        this.lists = operations.stream().filter(o -> o.method().equals("GET") && !o.in("query").isEmpty()).toList();
        Set<String> documented = new HashSet<>();
        operations.forEach(o -> documented.add(o.method()));
        this.oddMethods = ODD_METHODS.stream()
                .filter(m -> methodsCaseSensitive || !documented.contains(m.toUpperCase(Locale.ROOT))).toList();
    }

    Abuse next() {
        int roll = random.nextInt(100);
        if (roll < 18) {
            return Abuse.of("valid", valid(get()).request());
        }
        if (roll < 40) {
            return parameters();
        }
        if (roll < 50) {
            return edge();
        }
        if (roll < 62) {
            return cursor();
        }
        if (roll < 71) {
            return path();
        }
        if (roll < 81) {
            return query();
        }
        if (roll < 88) {
            return method();
        }
        if (roll < 95) {
            return headers();
        }
        return garbage();
    }

    // ---- families ---------------------------------------------------------------------------------

    /** Every parameter drawn from its schema's hostile range, in any encoding. */
    private Abuse parameters() {
        Operation op = text.chance(85) ? get() : text.pick(operations);
        Draft d = new Draft(op);
        for (String part : op.segments()) {
            if (!part.startsWith("{")) {
                d.segments.add(part);
                continue;
            }
            Parameter p = op.pathParameter(part.substring(1, part.length() - 1)).orElseThrow();
            d.segments.add(text.chance(30) ? HostileText.encode(validValue(p)) : text.wire(hostileValue(p), true));
        }
        for (Parameter p : op.in("query")) {
            if (text.chance(55)) {
                String value = text.chance(35) ? validValue(p) : hostileValue(p);
                d.query.add(new String[] {p.name(), text.wire(value, false)});
            }
        }
        if (op.in("query").stream().anyMatch(p -> p.name().equals("from")) && text.chance(40)) {
            d.query.removeIf(p -> p[0].equals("from") || p[0].equals("to"));
            String[] range = range();
            d.query.add(new String[] {"from", text.wire(range[0], false)});
            d.query.add(new String[] {"to", text.wire(range[1], false)});
        }
        return Abuse.of("parameter", d.request());
    }

    /** One parameter at an edge of its schema, everything else valid: the spec says what must happen. */
    private Abuse edge() {
        Operation op = text.pick(lists);
        Draft d = valid(op);
        List<Parameter> parameters = new ArrayList<>(op.in("query"));
        parameters.addAll(op.in("path"));
        Parameter p = text.pick(parameters);
        Map<String, Object> schema = p.schema();
        String code = documentedCode(p).orElse(null);
        if (schema.get("enum") != null) {
            List<String> values = OpenApiSpec.strings(schema.get("enum"));
            if (text.chance(50)) {
                return Abuse.of("edge", with(d, p, text.pick(values)).request()).expecting(200, null);
            }
            String other = text.pick(List.of(text.pick(values).toUpperCase(Locale.ROOT), " " + text.pick(values),
                    text.pick(values) + "\u0000", "descending", "ascending", "", "1", text.hostile()));
            return values.contains(other) ? edge() : Abuse.of("edge", with(d, p, other).request()).expecting(400, code);
        }
        if ("integer".equals(schema.get("type"))) {
            int min = ((Number) schema.get("minimum")).intValue();
            int max = ((Number) schema.get("maximum")).intValue();
            if (text.chance(40)) {
                int inside = text.pick(List.of(min, max, text.between(min, max)));
                return Abuse.of("edge", with(d, p, Integer.toString(inside)).request()).expecting(200, null);
            }
            String outside = text.pick(List.of(Integer.toString(min - 1), Integer.toString(max + 1), "-1", "-0", "+" + min,
                    "0" + min, min + ".0", "1e2", "0x10", "１０", " " + min, min + " ", "99999999999999999999",
                    Long.toString(Long.MAX_VALUE), Long.toString((long) Integer.MAX_VALUE + 1), Integer.toString(Integer.MIN_VALUE),
                    "NaN", "Infinity", "", "null", "true", text.hostile() + min));
            boolean inRange = outside.matches("[1-9]\\d{0,9}") && Long.parseLong(outside) >= min && Long.parseLong(outside) <= max;
            return inRange ? edge() : Abuse.of("edge", with(d, p, outside).request()).expecting(400, code);
        }
        if ("date".equals(schema.get("format"))) {
            if (text.chance(40)) {
                return Abuse.of("edge", with(d, p, text.pick(List.of("2024-02-29", "2000-02-29", "1970-01-01", "0000-01-01",
                        "9999-12-31", randomDate()))).request()).expecting(200, null);
            }
            String invalid = text.pick(invalidDates());
            // an empty segment names no route at all
            return invalid.isEmpty() ? Abuse.of("edge", with(d, p, invalid).request()).expecting(404, "NOT_FOUND")
                    : Abuse.of("edge", with(d, p, invalid).request()).expecting(400, code);
        }
        Integer maxLength = (Integer) schema.get("maxLength");
        if (maxLength != null && p.name().equals("cursor")) {
            return Abuse.of("edge", with(d, p, text.base64url(maxLength + 1)).request()).expecting(400, code);
        }
        if (maxLength != null && p.name().equals("symbol")) {
            if (text.chance(30)) {
                // a bare code two exchanges number alike
                return Abuse.of("edge", with(d, p, "000" + text.between(100, 999)).request()).expecting(400, "AMBIGUOUS_SYMBOL");
            }
            // readable once trimmed, but longer than the documented maximum
            String over = text.pick(List.of(" ".repeat(maxLength - 7) + "sh601988", "601988.SH" + " ".repeat(maxLength - 8),
                    "sh601988" + "0".repeat(maxLength - 7)));
            return Abuse.of("edge", with(d, p, over).request()).expecting(400, "INVALID_SYMBOL");
        }
        if (maxLength != null) {
            // maxLength counts characters (code points), whatever their UTF-8 or UTF-16 size
            if (text.chance(50)) {
                return Abuse.of("edge", with(d, p, text.ofLength(maxLength)).request()).expecting(200, null);
            }
            return Abuse.of("edge", with(d, p, text.ofLength(maxLength + 1)).request()).expecting(400, code != null ? code : "INVALID_PATH");
        }
        return Abuse.of("edge", with(d, p, hostileValue(p)).request());
    }

    private Abuse cursor() {
        int roll = random.nextInt(100);
        Optional<CursorJar.Issued> issued = cursors.ours(random);
        if (issued.isEmpty() || roll < 10) {
            // Nothing issued yet (or now and then): a first page, to fill the jar.
            Draft d = valid(text.pick(lists));
            d.query.removeIf(p -> p[0].equals("limit"));
            d.query.add(new String[] {"limit", Integer.toString(text.between(1, 5))});
            return Abuse.of("cursor:first-page", d.request());
        }
        HttpRequest origin = issued.get().origin();
        String cursor = issued.get().cursor();
        if (roll < 35) {
            // The same list, limit may change: must work.
            return Abuse.of("cursor:replay", withCursor(origin, cursor, true)).expecting(200, null);
        }
        if (roll < 50) {
            Optional<CursorJar.Issued> foreign = cursors.foreign(random);
            if (foreign.isPresent()) {
                return Abuse.of("cursor:other-key", withCursor(foreign.get().origin(), foreign.get().cursor(), false))
                        .expecting(400, "INVALID_CURSOR");
            }
        }
        if (roll < 65) {
            return Abuse.of("cursor:tampered", withCursor(origin, tamper(cursor), false)).expecting(400, "INVALID_CURSOR");
        }
        if (roll < 80) {
            // Another list, order or range: valid elsewhere, so refused here unless the scope happens to be equal.
            HttpRequest target = valid(text.pick(lists)).request();
            return Abuse.of("cursor:elsewhere", withCursor(target, cursor, false));
        }
        if (roll < 90) {
            String forged = text.pick(List.of(text.base64url(text.between(0, 60)) + "." + text.base64url(43),
                    text.base64url(text.between(1, 3000)), ".", "..", text.base64url(10) + ".", "." + text.base64url(43),
                    text.junk(40), text.hostile(), text.base64url(2048), "=" + text.base64url(20) + "==." + text.base64url(43)));
            return Abuse.of("cursor:forged", withCursor(valid(text.pick(lists)).request(), forged, false));
        }
        return signedForgery();
    }

    /** Signed with the deployment's own key, but naming a position the store never made: the store must refuse it. */
    private Abuse signedForgery() {
        Operation op = text.pick(lists.stream().filter(o -> o.in("path").isEmpty()).toList());
        Draft d = valid(op);
        d.query.removeIf(p -> p[0].equals("from") || p[0].equals("to") || p[0].equals("order"));
        SortOrder order = text.chance(50) ? SortOrder.ASC : SortOrder.DESC;
        d.query.add(new String[] {"order", order.name().toLowerCase(Locale.ROOT)});
        Route route = route(op.template());
        Map<String, String> position = new LinkedHashMap<>();
        switch (random.nextInt(6)) {
            case 0 -> position.put("id", text.hostile());
            case 1 -> position.put("index", text.pick(List.of("-1", "999999", "abc", "")));
            case 2 -> {
                position.put("pk", text.pick(List.of("L#ALL", "COUNT#CAT", "COUNT#STOCK", "FAIL", "A#x", text.hostile())));
                position.put("sk", text.pick(List.of("", text.hostile(), "9999-12-31T23:59:59.999Z#" + "A".repeat(22),
                        "2022-05-17T11:06:04.000Z#abc", "x".repeat(1025), text.junk(20).replace('\u0000', 'x'))));
            }
            case 3 -> position.put(text.hostile(), text.hostile());
            case 4 -> {
                position.put("pk", "L#ALL");
                position.put("sk", "2022-05-17T11:06:04.000Z#" + "A".repeat(22));
                position.put("extra", "1");
            }
            default -> { }
        }
        String cursor = ourCodec.encode(new PageToken(position), new ListScope(route, "", order, null, null));
        d.query.add(new String[] {"cursor", cursor});
        return Abuse.of("cursor:signed-forgery", d.request());
    }

    private Abuse path() {
        Draft base = valid(text.chance(80) ? get() : text.pick(operations));
        HttpRequest plain = base.request();
        Draft d = base.copy();
        switch (random.nextInt(12)) {
            case 0 -> {
                return Abuse.of("path", withPath(plain, plain.rawPath() + "/")).sameAs(plain);
            }
            case 1 -> {
                int i = literalIndex(d);
                d.segments.set(i, encodeSomeChars(d.segments.get(i)));
                return Abuse.of("path", d.request()).sameAs(plain);
            }
            case 2 -> {
                return Abuse.of("path", withPath(plain, plain.rawPath().substring(1))).sameAs(plain);
            }
            case 3 -> {
                int at = text.between(0, d.segments.size() - 1); // before a segment: a trailing one is ignored
                d.segments.add(at, "");
                return Abuse.of("path", d.request()).expecting(404, "NOT_FOUND");
            }
            case 4 -> {
                int i = literalIndex(d);
                d.segments.set(i, d.segments.get(i).toUpperCase(Locale.ROOT));
                return Abuse.of("path", d.request()).expecting(404, "NOT_FOUND");
            }
            case 5 -> {
                d.segments.add(0, text.pick(STAGES));
                return Abuse.of("path", d.request()).expecting(404, "NOT_FOUND");
            }
            case 6 -> d.segments.add(text.wire(text.chance(50) ? text.hostile() : text.junk(12), true));
            case 7 -> d.segments.set(text.between(0, d.segments.size() - 1), text.wire(text.huge(), true));
            case 8 -> {
                d.segments.clear();
                for (int i = 0, n = text.between(0, 1000); i < n; i++) {
                    d.segments.add(text.chance(50) ? "a" : "..");
                }
            }
            case 9 -> {
                int i = text.between(0, d.segments.size() - 1);
                d.segments.set(i, text.malform(d.segments.get(i)));
            }
            case 10 -> d.segments.set(text.between(0, d.segments.size() - 1), text.pick(List.of("..", ".", "%2e%2e", "%2E", "~")));
            default -> {
                return Abuse.of("path", withPath(plain, text.pick(List.of("", "/", "*", "//", "/?", "/#", "http://evil.example/articles",
                        "/articles?x=1", "/articles#frag", "\\articles", "/articles;jsessionid=1", "/%2Farticles"))));
            }
        }
        return Abuse.of("path", d.request());
    }

    private Abuse query() {
        Operation op = text.pick(lists);
        Draft base = valid(op);
        HttpRequest plain = base.request();
        Draft d = base.copy();
        Parameter p = text.pick(op.in("query"));
        String code = documentedCode(p).orElseThrow();
        switch (random.nextInt(9)) {
            case 0 -> {
                for (int i = 0, n = text.between(1, 4); i < n; i++) {
                    d.query.add(text.between(0, d.query.size()), new String[] {text.pick(UNKNOWN_NAMES), text.wire(text.hostile(), false)});
                }
                return Abuse.of("query", d.request()).sameAs(plain);
            }
            case 1 -> {
                d.query.removeIf(q -> q[0].equals(p.name()));
                d.query.add(new String[] {p.name(), HostileText.encode(validValue(p))});
                d.query.add(new String[] {p.name(), HostileText.encode(validValue(p))});
                return Abuse.of("query", d.request()).expecting(400, code);
            }
            case 2 -> {
                d.query.removeIf(q -> q[0].equals(p.name()));
                d.query.add(new String[] {p.name(), null});
                return Abuse.of("query", d.request()).expecting(400, code);
            }
            case 3 -> {
                d.query.removeIf(q -> q[0].equals(p.name()));
                d.query.add(new String[] {p.name(), text.malform(HostileText.encode(validValue(p)))});
                // a raw odd character is legal text in a value; only broken percent-encoding is sure to be refused
                return Abuse.of("query", d.request());
            }
            case 4 -> {
                String padded = text.pick(List.of("&", "&&", "")) + plain.rawQuery() + text.pick(List.of("&", "&&&", ""));
                return Abuse.of("query", withQuery(plain, padded)).sameAs(plain);
            }
            case 5 -> {
                int i = text.between(0, Math.max(0, d.query.size() - 1));
                if (!d.query.isEmpty()) {
                    d.query.get(i)[0] = encodeSomeChars(d.query.get(i)[0]);
                }
                return Abuse.of("query", d.request()).sameAs(plain);
            }
            case 6 -> {
                return Abuse.of("query", withQuery(plain, plain.rawQuery().replace('&', ';')));
            }
            case 7 -> {
                return Abuse.of("query", withQuery(plain, text.pick(List.of(text.junk(200), "=", "==", "&=&", "?", "%", "a=b=c",
                        text.huge(), "limit=1&" + "x=1&".repeat(2000), text.malform(plain.rawQuery())))));
            }
            default -> {
                d.query.removeIf(q -> q[0].equals(p.name()));
                d.query.add(new String[] {p.name(), text.wire(hostileValue(p), false)});
                return Abuse.of("query", d.request());
            }
        }
    }

    /** Methods the spec does not list are refused with 405 on every route, before anything else is read. */
    private Abuse method() {
        Draft d = valid(text.pick(operations));
        String method = text.pick(oddMethods);
        d.method = method;
        return Abuse.of("method", d.request()).expecting(405, "METHOD_NOT_ALLOWED");
    }

    /** Request headers never change an answer: the same request without them must get the same response. */
    private Abuse headers() {
        Draft base = valid(text.chance(70) ? get() : text.pick(operations));
        Draft d = base.copy();
        for (int i = 0, n = text.between(1, 5); i < n; i++) {
            switch (random.nextInt(12)) {
                case 0 -> d.headers.put("origin", text.pick(List.of("null", "https://evil.example", "file://", text.hostile())));
                case 1 -> d.headers.put("content-type", text.pick(List.of("application/x-www-form-urlencoded", "text/html", "multipart/form-data; boundary=x")));
                case 2 -> d.headers.put("x-http-method-override", text.pick(List.of("DELETE", "PUT", "POST")));
                case 3 -> d.headers.put("x-forwarded-for", text.hostile());
                case 4 -> d.headers.put("cookie", "session=" + text.hostile());
                case 5 -> d.headers.put("accept", text.pick(List.of("text/html", "application/xml", "*/*;q=0", "")));
                case 6 -> d.headers.put("host", text.huge());
                case 7 -> d.headers.put("range", "bytes=0-1");
                case 8 -> d.headers.put("if-none-match", "*");
                case 9 -> d.headers.put("x-injected", "a\r\nSet-Cookie: evil=1");
                case 10 -> d.headers.put("access-control-request-method", text.pick(List.of("DELETE", "GET", "\u0000")));
                default -> d.headers.put(text.hostile().toLowerCase(Locale.ROOT), text.junk(30));
            }
        }
        return Abuse.of("header", d.request()).sameAs(base.request());
    }

    /** Nothing well-formed at all. */
    private Abuse garbage() {
        String method = text.chance(70) ? "GET" : text.junk(8);
        String path = text.chance(50) ? "/" + text.junk(60) : text.wire(text.junk(60), false);
        String query = text.chance(50) ? "" : text.wire(text.junk(80), false);
        Map<String, String> headers = text.chance(30) ? Map.of(text.junk(10), text.junk(20)) : Map.of();
        return Abuse.of("garbage", new HttpRequest(method, path, query, headers, "abuse"));
    }

    // ---- building blocks --------------------------------------------------------------------------

    private Operation get() {
        return text.pick(operations.stream().filter(o -> o.method().equals("GET")).toList());
    }

    /** A request the spec calls valid, with values the store holds. */
    private Draft valid(Operation op) {
        Draft d = new Draft(op);
        for (String part : op.segments()) {
            if (part.startsWith("{")) {
                d.segments.add(HostileText.encode(validValue(op.pathParameter(part.substring(1, part.length() - 1)).orElseThrow())));
            } else {
                d.segments.add(part);
            }
        }
        for (Parameter p : op.in("query")) {
            if (!p.name().equals("cursor") && !p.name().equals("from") && !p.name().equals("to") && text.chance(50)) {
                d.query.add(new String[] {p.name(), HostileText.encode(validValue(p))});
            }
        }
        if (op.in("query").stream().anyMatch(p -> p.name().equals("from")) && text.chance(30)) {
            String[] range = validRange();
            if (text.chance(80)) {
                d.query.add(new String[] {"from", HostileText.encode(range[0])});
            }
            if (text.chance(80)) {
                d.query.add(new String[] {"to", HostileText.encode(range[1])});
            }
        }
        return d;
    }

    private String validValue(Parameter p) {
        Map<String, Object> schema = p.schema();
        List<String> known = samples.getOrDefault(p.name(), List.of());
        if (!known.isEmpty() && text.chance(90)) {
            return text.pick(known);
        }
        if (schema.get("enum") != null) {
            return text.pick(OpenApiSpec.strings(schema.get("enum")));
        }
        if ("integer".equals(schema.get("type"))) {
            return Integer.toString(text.between(((Number) schema.get("minimum")).intValue(), ((Number) schema.get("maximum")).intValue()));
        }
        if ("date".equals(schema.get("format"))) {
            return randomDate();
        }
        if (p.name().equals("cursor")) {
            return cursors.ours(random).map(CursorJar.Issued::cursor).orElse(text.base64url(40));
        }
        return String.valueOf(Objects.requireNonNullElse(schema.get("example"), "x"));
    }

    /** A value from the parameter's hostile range: its schema's edges and beyond, or anything hostile. */
    private String hostileValue(Parameter p) {
        Map<String, Object> schema = p.schema();
        int roll = random.nextInt(100);
        if (roll < 25) {
            return text.hostile();
        }
        if (roll < 35) {
            return text.junk(40);
        }
        if (roll < 40) {
            return text.huge();
        }
        if (roll < 55) {
            return text.twist(validValue(p));
        }
        if (schema.get("maxLength") != null && roll < 65) {
            int max = (Integer) schema.get("maxLength");
            int min = schema.get("minLength") == null ? 0 : (Integer) schema.get("minLength");
            return text.ofLength(text.pick(List.of(min - 1, min, max, max + 1)));
        }
        if (p.name().equals("from") || p.name().equals("to") || "date".equals(schema.get("format"))) {
            return text.chance(50) ? text.pick(invalidDates()) : temporal();
        }
        if ("integer".equals(schema.get("type"))) {
            return text.pick(List.of("0", "-1", "101", "1e3", "0x1F", "9".repeat(30), "１", "1.5", ""));
        }
        return text.twist(text.hostile());
    }

    private String[] range() {
        return switch (random.nextInt(6)) {
            case 0 -> validRange();
            case 1 -> {
                String[] r = validRange();
                yield new String[] {r[1], r[0]}; // reversed
            }
            case 2 -> {
                // inside one millisecond, the lower end past the millisecond's start
                Instant ms = randomInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                int a = text.between(1, 999_998);
                int b = text.between(a, 999_999);
                yield new String[] {ms.plusNanos(a).toString(), ms.plusNanos(b).toString()};
            }
            case 3 -> {
                String t = temporal();
                yield new String[] {t, t};
            }
            case 4 -> new String[] {text.pick(List.of("0000-01-01", "0000-01-01T00:00:00+18:00", "-0001-01-01T00:00:00Z")),
                    text.pick(List.of("9999-12-31", "9999-12-31T23:59:59.999999999-18:00", "+10000-01-01T00:00:00Z"))};
            default -> new String[] {temporal(), temporal()};
        };
    }

    private String[] validRange() {
        Instant a = randomInstant();
        Instant b = randomInstant();
        Instant lo = a.isBefore(b) ? a : b;
        Instant hi = a.isBefore(b) ? b : a;
        return new String[] {formatTemporal(lo), formatTemporal(hi)};
    }

    private String formatTemporal(Instant t) {
        return switch (random.nextInt(3)) {
            case 0 -> t.atZone(BeijingTime.ZONE).toLocalDate().format(DATE);
            case 1 -> t.toString();
            default -> t.atOffset(ZoneOffset.ofHours(text.between(-12, 14))).toString();
        };
    }

    /** A date or date-time, well-formed or nearly. */
    private String temporal() {
        Instant t = randomInstant();
        return switch (random.nextInt(10)) {
            case 0 -> randomDate();
            case 1 -> t.toString();
            case 2 -> t.atOffset(ZoneOffset.ofTotalSeconds(text.between(-18 * 3600, 18 * 3600) / 60 * 60)).toString();
            case 3 -> t.plusNanos(text.between(1, 999_999_999)).toString();
            case 4 -> t.atOffset(ZoneOffset.ofHours(8)).toString().replace("+", " ");
            case 5 -> t.toString().toLowerCase(Locale.ROOT);
            case 6 -> t.toString().replace("Z", "");
            case 7 -> t.toString().replace("Z", text.pick(List.of("+19:00", "-18:01", "+08:00[Asia/Shanghai]", "+0800", "+08", "UTC")));
            case 8 -> text.pick(List.of("2022-05-17T24:00:00Z", "2022-05-17T23:59:60Z", "2022-05-17T11:06:04.1234567891Z",
                    "2022-05-17T", "2022-05-17T11:06Z", "2022-05-17 11:06:04Z", "+002022-05-17T11:06:04Z"));
            default -> text.pick(invalidDates());
        };
    }

    private List<String> invalidDates() {
        return List.of("2023-02-29", "2022-13-01", "2022-00-10", "2022-12-32", "2022-04-31", "2022-1-1", "22-01-01",
                "+2022-01-01", "2022/01/01", "20220101", "٢٠٢٢-٠١-٠١", "２０２２-０１-０１", "2022-01-01x", " 2022-01-01",
                "2022-01-01T00:00:00Z", "-2022-01-01", "yyyy-mm-dd", "");
    }

    private String randomDate() {
        return LocalDate.ofEpochDay(text.between((int) LocalDate.of(1, 1, 1).toEpochDay(), (int) LocalDate.of(9999, 12, 31).toEpochDay()))
                .format(DATE);
    }

    private Instant randomInstant() {
        long lo = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
        long hi = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();
        return Instant.ofEpochSecond(lo + random.nextLong(hi - lo), text.chance(30) ? text.between(0, 999) * 1_000_000L : 0);
    }

    /** A tampered copy: truncated, a bit flipped, halves swapped, characters added or changed. */
    private String tamper(String cursor) {
        int dot = cursor.indexOf('.');
        return switch (random.nextInt(7)) {
            case 0 -> cursor.substring(0, text.between(0, cursor.length() - 1));
            case 1 -> flipBit(cursor, random.nextBoolean() || dot == cursor.length() - 1 ? 0 : 1);
            case 2 -> cursor.substring(dot + 1) + "." + cursor.substring(0, dot);
            case 3 -> cursor + text.pick(List.of("A", "=", ".", ".x", "=="));
            case 4 -> cursor.substring(0, dot) + "." + text.base64url(cursor.length() - dot - 1);
            case 5 -> text.base64url(Math.max(1, dot)) + cursor.substring(dot);
            default -> {
                int i = text.between(0, cursor.length() - 1);
                char c = cursor.charAt(i);
                char other = c == 'A' ? 'B' : 'A';
                yield cursor.substring(0, i) + other + cursor.substring(i + 1);
            }
        };
    }

    /** Flips one bit in the decoded bytes of the position (0) or signature (1) half. */
    private String flipBit(String cursor, int half) {
        String[] parts = cursor.split("\\.", -1);
        byte[] bytes = Base64.getUrlDecoder().decode(parts[half]);
        if (bytes.length == 0) {
            return cursor + "A";
        }
        int bit = random.nextInt(bytes.length * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        parts[half] = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return parts[0] + "." + parts[1];
    }

    private HttpRequest withCursor(HttpRequest origin, String cursor, boolean mayChangeLimit) {
        List<String> pairs = new ArrayList<>();
        for (String pair : origin.rawQuery().split("&")) {
            boolean isLimit = "limit".equals(decodedName(pair));
            if (!pair.isEmpty() && !"cursor".equals(decodedName(pair)) && !(isLimit && mayChangeLimit)) {
                pairs.add(pair);
            }
        }
        if (mayChangeLimit && text.chance(50)) {
            pairs.add("limit=" + text.between(1, 100));
        }
        pairs.add("cursor=" + (text.chance(80) ? cursor : HostileText.encode(cursor)));
        return withQuery(origin, String.join("&", pairs));
    }

    private static String decodedName(String pair) {
        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        try {
            return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private Draft with(Draft base, Parameter p, String logicalValue) {
        Draft d = base.copy();
        String wire = HostileText.encode(logicalValue);
        if (p.in().equals("path")) {
            int i = d.op.segments().indexOf("{" + p.name() + "}");
            d.segments.set(i, wire);
        } else {
            d.query.removeIf(q -> q[0].equals(p.name()));
            d.query.add(new String[] {p.name(), wire});
        }
        return d;
    }

    /** The first {@code 400 CODE} the parameter's description names: the code the spec promises for a bad value. */
    private static Optional<String> documentedCode(Parameter p) {
        Matcher m = DOCUMENTED_CODE.matcher(p.description());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private int literalIndex(Draft d) {
        List<Integer> literals = new ArrayList<>();
        List<String> parts = d.op.segments();
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).startsWith("{")) {
                literals.add(i);
            }
        }
        return text.pick(literals);
    }

    /** Percent-encodes some of the characters of an already valid raw text; decoding yields the same text. */
    private String encodeSomeChars(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean plain = c < 0x80 && c != '%' && c != '+' && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '~');
            if (plain && text.chance(50)) {
                out.append(String.format(text.chance(50) ? "%%%02X" : "%%%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static HttpRequest withPath(HttpRequest r, String rawPath) {
        return new HttpRequest(r.method(), rawPath, r.rawQuery(), r.headers(), r.requestId());
    }

    private static HttpRequest withQuery(HttpRequest r, String rawQuery) {
        return new HttpRequest(r.method(), r.rawPath(), rawQuery, r.headers(), r.requestId());
    }

    private static Route route(String template) {
        for (Route route : Route.values()) {
            if (route.template().equals(template)) {
                return route;
            }
        }
        throw new IllegalStateException("the spec documents a path the code does not route: " + template);
    }
}
