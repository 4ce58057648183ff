package dev.finnews.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {

    @Test
    void matchesEveryRoute() {
        assertThat(route("/articles/abc")).isEqualTo(Route.ARTICLE);
        assertThat(route("/articles")).isEqualTo(Route.ARTICLES);
        assertThat(route("/categories/x/articles")).isEqualTo(Route.CATEGORY_ARTICLES);
        assertThat(route("/dates/2022-05-17/articles")).isEqualTo(Route.DATE_ARTICLES);
        assertThat(route("/stocks/sh601988/articles")).isEqualTo(Route.STOCK_ARTICLES);
        assertThat(route("/categories")).isEqualTo(Route.CATEGORIES);
        assertThat(route("/stocks")).isEqualTo(Route.STOCKS);
        assertThat(route("/failures")).isEqualTo(Route.FAILURES);
    }

    @Test
    void capturesDecodedParameters() {
        Router.Match m = Router.match("/categories/%E4%BB%8A%E6%97%A5%E6%8E%A8%E8%8D%90%20%2F%20%E7%B2%BE%E9%80%89/articles").orElseThrow();
        assertThat(m.parameters()).isEqualTo(Map.of("category", "今日推荐 / 精选"));
    }

    @Test
    void encodedSlashStaysInsideItsSegment() {
        assertThat(Router.match("/categories/a%2Fb/articles").orElseThrow().parameter("category")).isEqualTo("a/b");
        assertThat(Router.match("/articles%2Fabc")).isEmpty();
        assertThat(Router.match("/categories/a/b/articles")).isEmpty();
    }

    @Test
    void percentSignAndDoubleEncodingDecodeOnce() {
        assertThat(Router.match("/categories/100%25/articles").orElseThrow().parameter("category")).isEqualTo("100%");
        assertThat(Router.match("/categories/%2525/articles").orElseThrow().parameter("category")).isEqualTo("%25");
    }

    @Test
    void literalSegmentsMayBeEncodedToo() {
        assertThat(route("/%61rticles")).isEqualTo(Route.ARTICLES);
    }

    @Test
    void ignoresOneTrailingSlash() {
        assertThat(route("/articles/")).isEqualTo(Route.ARTICLES);
        assertThat(route("/stocks/sh601988/articles/")).isEqualTo(Route.STOCK_ARTICLES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "/article", "/Articles", "/articles/a/b", "/categories//articles", "/dates/2022-05-17",
            "//articles", "/articles//", "/stocks/sh601988/article"})
    void matchesNothingElse(String path) {
        assertThat(Router.match(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/categories/%E4%BB/articles", "/articles/%ZZ", "/stocks/%/articles", "/dates/2022-05-1%/articles"})
    void malformedEncodingIsInvalidPath(String path) {
        assertThatThrownBy(() -> Router.match(path))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PATH));
    }

    private static Route route(String path) {
        return Router.match(path).orElseThrow().route();
    }
}
