package dev.finnews.json;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTreeTest {

    @Test
    void readsEveryKindOfValue() throws IOException {
        Object tree = read("{\"s\":\"金融\",\"i\":946,\"big\":12345678901234,\"f\":2.5,\"t\":true,\"n\":null,\"a\":[1,{\"b\":\"c\"}]}");
        Map<String, Object> o = JsonTree.object(tree);
        assertThat(JsonTree.string(o, "s")).isEqualTo("金融");
        assertThat(o.get("i")).isEqualTo(946);
        assertThat(o.get("big")).isEqualTo(12345678901234L);
        assertThat(o.get("f")).isEqualTo(new BigDecimal("2.5"));
        assertThat(JsonTree.string(o, "t")).isEqualTo("true");
        assertThat(o).containsEntry("n", null);
        assertThat(JsonTree.list(o, "a")).hasSize(2);
        assertThat(JsonTree.string(JsonTree.object(JsonTree.list(o, "a").get(1)), "b")).isEqualTo("c");
    }

    @Test
    void membersOfTheWrongKindReadAsAbsent() throws IOException {
        Map<String, Object> o = JsonTree.object(read("{\"o\":[],\"l\":{},\"s\":{}}"));
        assertThat(JsonTree.object(o, "o")).isEmpty();
        assertThat(JsonTree.list(o, "l")).isEmpty();
        assertThat(JsonTree.string(o, "s")).isNull();
        assertThat(JsonTree.object(o, "missing")).isEmpty();
        assertThat(JsonTree.object(read("[1]"))).isEmpty();
    }

    @Test
    void emptyInputIsNullAndTrailingValuesAreRefused() throws IOException {
        assertThat(read("")).isNull();
        assertThat(read("  null ")).isNull();
        assertThatThrownBy(() -> read("{} {}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{\"a\":")).isInstanceOf(IOException.class);
    }

    @Test
    void oddTextIsKeptNotRefused() throws IOException {
        Map<String, Object> o = JsonTree.object(JsonTree.read(new ByteArrayInputStream(
                new byte[] {'{', '"', 'k', '"', ':', '"', 'a', (byte) 0xC3, '"', '}'})));
        assertThat(JsonTree.string(o, "k")).isEqualTo("a\uFFFD");
        assertThat(JsonTree.object(read("{\"x\\ud800\":\"\\udc00\"}"))).containsEntry("x\ud800", "\udc00");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        char[] open = new char[100_000];
        Arrays.fill(open, '[');
        assertThatThrownBy(() -> read(new String(open))).isInstanceOf(IOException.class);
    }

    @Test
    void listsKeepTheirNulls() throws IOException {
        assertThat(JsonTree.list(JsonTree.object(read("{\"a\":[null,1]}")), "a")).isEqualTo(Arrays.asList(null, 1));
    }

    private static Object read(String json) throws IOException {
        return JsonTree.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
