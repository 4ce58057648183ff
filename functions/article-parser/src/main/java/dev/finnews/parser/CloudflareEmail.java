package dev.finnews.parser;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Cloudflare's e-mail obfuscation: a hex key byte, then the address XOR-ed with it. */
final class CloudflareEmail {
    private static final int MAX_HEX_CHARS = 512;

    private CloudflareEmail() {
    }

    static Optional<String> decode(String hex) {
        if (hex.length() < 4 || hex.length() % 2 != 0 || hex.length() > MAX_HEX_CHARS) {
            return Optional.empty();
        }
        byte[] out = new byte[hex.length() / 2 - 1];
        int key = hexByte(hex, 0);
        if (key < 0) {
            return Optional.empty();
        }
        for (int i = 1; i <= out.length; i++) {
            int b = hexByte(hex, 2 * i);
            if (b < 0) {
                return Optional.empty();
            }
            out[i - 1] = (byte) (b ^ key);
        }
        return Optional.of(new String(out, StandardCharsets.UTF_8));
    }

    private static int hexByte(String s, int at) {
        int hi = Character.digit(s.charAt(at), 16);
        int lo = Character.digit(s.charAt(at + 1), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }
}
