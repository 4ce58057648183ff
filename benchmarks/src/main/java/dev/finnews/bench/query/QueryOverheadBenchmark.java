package dev.finnews.bench.query;

import dev.finnews.query.HttpRequest;
import dev.finnews.query.QueryApi;
import dev.finnews.query.QueryConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The query function's own cost per request (routing, validation, cursor signing, JSON), warm and
 * in-process over an instant store, sampled for p50/p99 per route. Compare with a DynamoDB round trip
 * (a few ms): the target is p99 under 5% of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryOverheadBenchmark {
    @Param({
        "/articles/" + InMemoryQueries.ID,
        "/articles?limit=20",
        "/categories/%E6%96%B0%E6%B5%AA%E8%B4%A2%E7%BB%8F-%E5%9B%BD%E5%86%85/articles?limit=20&from=2022-01-01&to=2022-12-31",
        "/dates/2022-05-17/articles?limit=20&order=asc",
        "/stocks/601988.SH/articles?limit=20",
        "/categories?limit=20",
        "/stocks?limit=20",
        "/failures?limit=20",
        "/stocks/000001/articles"
    })
    public String request;

    private QueryApi api;
    private HttpRequest httpRequest;

    @Setup
    public void setUp() {
        api = new QueryApi(new InMemoryQueries(),
                new QueryConfig("bench", "benchmark-cursor-secret-0123456789".getBytes(StandardCharsets.UTF_8), "*"));
        int q = request.indexOf('?');
        httpRequest = q < 0 ? HttpRequest.get(request, "") : HttpRequest.get(request.substring(0, q), request.substring(q + 1));
    }

    @Benchmark
    public Object handle() {
        return api.handle(httpRequest);
    }
}
