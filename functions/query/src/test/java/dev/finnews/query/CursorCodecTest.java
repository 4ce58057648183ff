package dev.finnews.query;

import dev.finnews.store.PageToken;
import dev.finnews.store.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {
    private static final PageToken TOKEN = new PageToken(Map.of("pk", "cat#金融", "sk", "t#2022-05-17T11:06:04Z#abc"));
    private static final ListScope SCOPE = new ListScope(Route.CATEGORY_ARTICLES, "金融", SortOrder.DESC, null, null);
    private final CursorCodec codec = new CursorCodec(bytes("first-secret-0123456789"));

    @Test
    void roundTripsForTheSameList() {
        String cursor = codec.encode(TOKEN, SCOPE);
        assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(codec.decode(cursor, SCOPE)).isEqualTo(TOKEN);
    }

    @Test
    void theSameListIsTheSameScope() {
        String cursor = codec.encode(TOKEN, SCOPE);
        assertThat(codec.decode(cursor, new ListScope(Route.CATEGORY_ARTICLES, "金融", SortOrder.DESC, null, null))).isEqualTo(TOKEN);
    }

    @Test
    void rejectsReplayOnAnotherList() {
        String cursor = codec.encode(TOKEN, SCOPE);
        assertInvalid(cursor, new ListScope(Route.CATEGORY_ARTICLES, "新浪财经", SortOrder.DESC, null, null));
        assertInvalid(cursor, new ListScope(Route.STOCK_ARTICLES, "金融", SortOrder.DESC, null, null));
        assertInvalid(cursor, new ListScope(Route.CATEGORY_ARTICLES, "金融", SortOrder.ASC, null, null));
        assertInvalid(cursor, new ListScope(Route.CATEGORY_ARTICLES, "金融", SortOrder.DESC, Instant.EPOCH, null));
        assertInvalid(cursor, new ListScope(Route.CATEGORY_ARTICLES, "金融", SortOrder.DESC, null, Instant.EPOCH));
    }

    @Test
    void fieldsCannotImitateEachOther() {
        ListScope a = new ListScope(Route.CATEGORY_ARTICLES, "x", SortOrder.DESC, null, null);
        ListScope b = new ListScope(Route.CATEGORY_ARTICLES, "", SortOrder.DESC, null, null);
        assertThat(a.bytes()).isNotEqualTo(b.bytes());
        assertInvalid(codec.encode(TOKEN, a), b);
    }

    @Test
    void rejectsACursorSignedWithAnotherKey() {
        String foreign = new CursorCodec(bytes("second-secret-0123456789")).encode(TOKEN, SCOPE);
        assertInvalid(foreign, SCOPE);
    }

    @Test
    void rejectsATamperedPosition() {
        String cursor = codec.encode(TOKEN, SCOPE);
        int dot = cursor.indexOf('.');
        byte[] position = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
        position[position.length - 1] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(position) + cursor.substring(dot);
        assertInvalid(tampered, SCOPE);
    }

    @Test
    void rejectsATamperedSignature() {
        String cursor = codec.encode(TOKEN, SCOPE);
        char last = cursor.charAt(cursor.length() - 2);
        String tampered = cursor.substring(0, cursor.length() - 2) + (last == 'A' ? 'B' : 'A') + cursor.charAt(cursor.length() - 1);
        assertInvalid(tampered, SCOPE);
        assertInvalid(cursor.substring(0, cursor.length() - 4), SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "abc.def", "a.b.c", "!!!.???", "eyJ0IjoxfQ", "AQAA.AAAA"})
    void rejectsGarbage(String cursor) {
        assertInvalid(cursor, SCOPE);
    }

    @Test
    void acceptsOnlyTheSpellingItWrites() {
        String cursor = codec.encode(TOKEN, SCOPE);
        int dot = cursor.indexOf('.');
        String signature = cursor.substring(dot + 1);
        assertInvalid(cursor + "=", SCOPE); // padded: the same bytes
        // 32 bytes take 43 characters, the last with 2 spare bits: flipping its lowest bit spells the same bytes
        String respelled = signature.substring(0, 42) + withLowestBitFlipped(signature.charAt(42));
        assertThat(Base64.getUrlDecoder().decode(respelled)).isEqualTo(Base64.getUrlDecoder().decode(signature));
        assertInvalid(cursor.substring(0, dot + 1) + respelled, SCOPE);
    }

    @Test
    void rejectsOverlongCursors() {
        assertInvalid("A".repeat(5000) + ".AAAA", SCOPE);
    }

    private void assertInvalid(String cursor, ListScope scope) {
        assertThatThrownBy(() -> codec.decode(cursor, scope))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
    }

    private static char withLowestBitFlipped(char base64url) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(base64url) ^ 1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
