package dev.finnews.query;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryConfigTest {

    @Test
    void defaults() {
        QueryConfig c = QueryConfig.fromEnv(Map.of("CURSOR_SECRET", "0123456789abcdef"));
        assertThat(c.table()).isEqualTo("finnews-articles");
        assertThat(c.allowedOrigin()).isEqualTo("*");
        assertThat(c.cursorSecret()).isEqualTo("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheEnvironment() {
        QueryConfig c = QueryConfig.fromEnv(Map.of("CURSOR_SECRET", "0123456789abcdef", "FINNEWS_TABLE", "t1",
                "FINNEWS_ALLOWED_ORIGIN", "https://a.example"));
        assertThat(c.table()).isEqualTo("t1");
        assertThat(c.allowedOrigin()).isEqualTo("https://a.example");
    }

    @Test
    void aCursorSecretIsRequired() {
        assertThatThrownBy(() -> QueryConfig.fromEnv(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CURSOR_SECRET");
        assertThatThrownBy(() -> QueryConfig.fromEnv(Map.of("CURSOR_SECRET", "short"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOriginCannotSmuggleHeaders() {
        assertThatThrownBy(() -> QueryConfig.fromEnv(Map.of("CURSOR_SECRET", "0123456789abcdef",
                "FINNEWS_ALLOWED_ORIGIN", "https://a.example\r\nSet-Cookie: x=1"))).isInstanceOf(IllegalStateException.class);
    }
}
