package dev.finnews.query;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse of the API (issue 8), at unit level: requests generated from {@code infrastructure/openapi.yaml}
 * against {@link QueryApi} over the in-memory store. {@code -Dfinnews.abuse.requests=N} sets the count
 * (the {@code long} profile runs 100,000), {@code -Dfinnews.abuse.seed=S} the seed. The counts of the
 * last run are in {@code target/abuse/unit.txt}.
 */
class ApiAbuseTest {
    static final int REQUESTS = Integer.getInteger("finnews.abuse.requests", 5_000);
    static final long SEED = Long.getLong("finnews.abuse.seed", 20_261_127L);
    private static final String OTHER_SECRET = "a-rotated-cursor-secret-0123456789";

    @Test
    void generatedRequestsNeverBreakTheApiOrItsContract() {
        FakeArticleQueries store = AbuseData.store();
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        QueryApi api = new QueryApi(store, Fixtures.config(), new ErrorLog(logged::add));
        QueryApi otherKey = new QueryApi(store, QueryConfig.fromEnv(Map.of("CURSOR_SECRET", OTHER_SECRET)), new ErrorLog(logged::add));
        CursorCodec ours = new CursorCodec(Fixtures.SECRET.getBytes(StandardCharsets.UTF_8));

        AbuseRun.Result result = AbuseRun.run(OpenApiSpec.load(), SEED, REQUESTS, AbuseData.samples(store),
                new AbuseRun.Target(api::handle, otherKey::handle, ours, true));
        AbuseRun.report(Path.of("target/abuse/unit.txt"), "QueryApi over the in-memory store", SEED, result);

        assertThat(result.failures()).as("%d of %d requests failed; logged: %s", result.failed(), result.generated(),
                logged.stream().limit(3).toList()).isEmpty();
        assertThat(logged).as("nothing unexpected was logged").isEmpty();
        // The generator reaches every kind of answer and every kind of abuse.
        assertThat(result.byStatus()).containsKeys(200, 204, 400, 404, 405);
        assertThat(result.byFamily()).containsKeys("valid", "parameter", "edge", "path", "query", "method", "header", "garbage",
                "cursor:replay", "cursor:other-key", "cursor:tampered", "cursor:elsewhere", "cursor:forged", "cursor:signed-forgery");
    }
}
