package dev.finnews.local.lambda;

import java.security.SecureRandom;
import java.util.Base64;

/** A fresh {@code CURSOR_SECRET} for a local query handler: cursors signed by one run mean nothing to the next. */
public final class CursorSecret {
    private CursorSecret() {
    }

    public static String random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
