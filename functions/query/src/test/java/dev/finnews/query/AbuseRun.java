package dev.finnews.query;

import dev.finnews.query.AbuseRequests.Abuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sends generated requests to an API, judges every answer with {@link AbuseOracle}, compares twins,
 * feeds issued cursors back to the generator, and counts. Prints nothing: the counts go to a report
 * file under {@code target/abuse/}, the failures (the first few, with seed and index) into the result.
 */
final class AbuseRun {
    private static final int MAX_REPORTED_FAILURES = 20;

    /**
     * @param generated requests the generator made
     * @param sent      requests sent in all: generated ones, their twins and the other-key deployment's
     * @param byStatus  generated requests by the status they got
     * @param byFamily  generated requests by kind of abuse
     * @param failures  descriptions of the first failing requests
     * @param failed    how many generated requests failed a check
     */
    record Result(int generated, int sent, SortedMap<Integer, Integer> byStatus, SortedMap<String, Integer> byFamily,
                  List<String> failures, int failed) {
    }

    /**
     * Where an abuse run sends its requests.
     *
     * @param otherKeyApi          the same API with another {@code CURSOR_SECRET}, issuing foreign cursors
     * @param codec                the API's own cursor codec, to sign positions its store never made
     * @param methodsCaseSensitive false where the layer under test reads {@code get} as {@code GET} (the
     *                             Lambda handler does, for hand-made events), so such methods are not sent
     */
    record Target(Function<HttpRequest, HttpResponse> api, Function<HttpRequest, HttpResponse> otherKeyApi, CursorCodec codec,
                  boolean methodsCaseSensitive) {
    }

    private AbuseRun() {
    }

    static Result run(OpenApiSpec spec, long seed, int count, Map<String, List<String>> samples, Target target) {
        SplittableRandom random = new SplittableRandom(seed);
        CursorJar jar = new CursorJar();
        AbuseRequests generator = new AbuseRequests(spec, random, samples, jar, target.codec(), target.methodsCaseSensitive());
        AbuseOracle oracle = new AbuseOracle(spec);
        SortedMap<Integer, Integer> byStatus = new TreeMap<>();
        SortedMap<String, Integer> byFamily = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int failed = 0;
        for (int i = 0; i < count; i++) {
            Abuse abuse = generator.next();
            HttpResponse response = target.api().apply(abuse.request());
            sent++;
            List<String> problems = new ArrayList<>(oracle.problems(abuse, response));
            if (abuse.twin() != null) {
                HttpResponse twin = target.api().apply(abuse.twin());
                sent++;
                if (twin.status() != response.status() || !twin.body().equals(response.body()) || !twin.headers().equals(response.headers())) {
                    problems.add("answered unlike its twin " + describe(abuse.twin()) + ", which got " + twin.status() + " " + cut(visible(twin.body())));
                }
            }
            byStatus.merge(response.status(), 1, Integer::sum);
            byFamily.merge(abuse.family(), 1, Integer::sum);
            if (!problems.isEmpty()) {
                failed++;
                if (failures.size() < MAX_REPORTED_FAILURES) {
                    failures.add("#" + i + " (seed " + seed + ", " + abuse.family() + ") " + describe(abuse.request())
                            + "\n    got " + response.status() + " " + cut(visible(response.body())) + "\n    " + String.join("; ", problems));
                }
            }
            jar.remember(abuse.request(), response, random);
            if (target.otherKeyApi() != null && CursorJar.nextCursor(response).isPresent() && random.nextInt(3) == 0) {
                jar.rememberForeign(abuse.request(), target.otherKeyApi().apply(abuse.request()), random);
                sent++;
            }
        }
        return new Result(count, sent, byStatus, byFamily, List.copyOf(failures), failed);
    }

    /** Writes the counts of a run, for docs/api.md's "Abuse testing". */
    static void report(Path file, String title, long seed, Result result) {
        StringBuilder s = new StringBuilder();
        s.append(title).append('\n');
        s.append("seed ").append(seed).append(", generated requests ").append(result.generated())
                .append(", sent in all ").append(result.sent()).append(", failed checks ").append(result.failed()).append('\n');
        s.append("by status:");
        result.byStatus().forEach((status, n) -> s.append(' ').append(status).append('=').append(n));
        s.append("\nby family:");
        result.byFamily().forEach((family, n) -> s.append(' ').append(family).append('=').append(n));
        s.append('\n');
        result.failures().forEach(f -> s.append("FAILED ").append(f).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(HttpRequest r) {
        return visible(r.method()) + " " + cut(visible(r.rawPath())) + (r.rawQuery().isEmpty() ? "" : "?" + cut(visible(r.rawQuery())))
                + (r.headers().isEmpty() ? "" : " headers " + cut(visible(r.headers().toString())));
    }

    private static String cut(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
    }

    /** Control characters and surrogates written as escapes, so a failure message shows what was sent. */
    private static String visible(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || (c >= 0x80 && c < 0xA0) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.NON_SPACING_MARK || c == 0x2028 || c == 0x2029 || c == 0xFFFF) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
