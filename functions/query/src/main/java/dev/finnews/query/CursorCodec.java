package dev.finnews.query;

import dev.finnews.store.PageToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the store's {@link PageToken} into the opaque {@code cursor} clients pass back, and back again.
 * A cursor is {@code base64url(position) "." base64url(HMAC-SHA256(key, scope ‖ position))}: the client
 * can neither forge a position the store never made nor reuse a cursor on another list, order or
 * range, and cursors signed with an old key stop working when {@code CURSOR_SECRET} changes.
 */
final class CursorCodec {
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte VERSION = 1;
    private static final int MAX_CHARS = 2048;
    private static final int MAX_ENTRIES = 32;

    private final SecretKeySpec key;

    CursorCodec(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
        mac(new byte[0], new byte[0]); // fail at start-up, not on a request, if the JVM cannot do HMAC
    }

    String encode(PageToken token, ListScope scope) {
        byte[] position = positionBytes(token);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(position) + "." + b64.encodeToString(mac(scope.bytes(), position));
    }

    /** @throws ApiException {@link ErrorCode#INVALID_CURSOR} for anything this codec did not sign for {@code scope} */
    PageToken decode(String cursor, ListScope scope) {
        if (cursor.isEmpty() || cursor.length() > MAX_CHARS) {
            throw invalid();
        }
        int dot = cursor.indexOf('.');
        if (dot < 0 || cursor.indexOf('.', dot + 1) >= 0) {
            throw invalid();
        }
        byte[] position = canonicalBase64(cursor.substring(0, dot));
        byte[] signature = canonicalBase64(cursor.substring(dot + 1));
        if (!MessageDigest.isEqual(mac(scope.bytes(), position), signature)) {
            throw invalid();
        }
        return new PageToken(readPosition(position));
    }

    /**
     * Decodes base64url only in the exact form {@link #encode} writes: no padding, no stray trailing
     * bits, so a cursor has one spelling and any edit to it is refused.
     */
    private static byte[] canonicalBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            throw invalid();
        }
        return bytes;
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_CURSOR,
                "the cursor is not one this API issued for this list; start again without 'cursor'");
    }

    private byte[] mac(byte[] scope, byte[] position) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(scope);
            return mac.doFinal(position);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, e);
        }
    }

    private static byte[] positionBytes(PageToken token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeByte(VERSION);
            Map<String, String> sorted = new TreeMap<>(token.position());
            data.writeShort(sorted.size());
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                data.writeUTF(e.getKey());
                data.writeUTF(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Only ever reads bytes whose signature was checked, but stays strict so a bug cannot go unnoticed. */
    private static Map<String, String> readPosition(byte[] bytes) {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (data.readByte() != VERSION) {
                throw invalid();
            }
            int entries = data.readUnsignedShort();
            if (entries > MAX_ENTRIES) {
                throw invalid();
            }
            Map<String, String> position = new HashMap<>();
            for (int i = 0; i < entries; i++) {
                position.put(data.readUTF(), data.readUTF());
            }
            if (data.available() > 0) {
                throw invalid();
            }
            return position;
        } catch (IOException e) {
            throw invalid();
        }
    }
}
