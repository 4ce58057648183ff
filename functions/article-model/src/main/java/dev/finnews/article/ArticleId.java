package dev.finnews.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The id of the article stored from one S3 object: the first 128 bits of SHA-256 over
 * {@code bucket + "/" + key} (the decoded key), base64url without padding. Always 22 characters from
 * {@code [A-Za-z0-9_-]}, so it is safe in a URL path segment and never holds a {@code /}.
 */
public final class ArticleId {
    public static final int LENGTH = 22;

    private ArticleId() {
    }

    public static String of(String bucket, String key) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        byte[] digest = sha256((bucket + "/" + key).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    /** True when {@code s} has the shape of an id (it may still name no article). */
    public static boolean isWellFormed(String s) {
        if (s == null || s.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
