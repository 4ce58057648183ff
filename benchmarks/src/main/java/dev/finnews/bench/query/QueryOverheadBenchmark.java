package dev.finnews.bench.query;

import dev.finnews.query.QueryApi;
import dev.finnews.query.QueryConfig;
import dev.finnews.query.QueryHandler;
import dev.finnews.query.QueryHandlers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The query function's own cost per request (reading the HTTP API event's JSON, routing, validation,
 * cursor signing, writing the response's JSON), warm and in-process through the handler over an
 * instant store, sampled for p50/p99 per route. Compare with a DynamoDB round trip
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

    private QueryHandler handler;
    private byte[] event;

    @Setup
    public void setUp() {
        handler = QueryHandlers.over(new QueryApi(new InMemoryQueries(),
                new QueryConfig("bench", "benchmark-cursor-secret-0123456789".getBytes(StandardCharsets.UTF_8), "*")));
        int q = request.indexOf('?');
        String path = q < 0 ? request : request.substring(0, q);
        String query = q < 0 ? "" : request.substring(q + 1);
        // the members API Gateway sends for a GET (payload format 2.0), headers as a browser sends them
        event = ("{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"" + query
                + "\",\"headers\":{\"accept\":\"application/json\",\"host\":\"api.example.com\",\"origin\":\"https://news.example.com\","
                + "\"user-agent\":\"Mozilla/5.0\",\"x-forwarded-for\":\"198.51.100.7\",\"x-forwarded-proto\":\"https\"},"
                + "\"requestContext\":{\"apiId\":\"bench\",\"requestId\":\"bench-request\",\"routeKey\":\"$default\",\"stage\":\"$default\","
                + "\"timeEpoch\":1657440000000,\"http\":{\"method\":\"GET\",\"path\":\"" + path + "\",\"protocol\":\"HTTP/1.1\","
                + "\"sourceIp\":\"198.51.100.7\",\"userAgent\":\"Mozilla/5.0\"}},\"isBase64Encoded\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] handle() throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream(4096);
        handler.handleRequest(new ByteArrayInputStream(event), response, null);
        return response.toByteArray();
    }
}
