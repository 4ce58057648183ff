package dev.finnews.ingest;

/** S3 writes eTags in quotes in HTTP headers and without them in events; finnews keeps them bare. */
final class ETags {
    private ETags() {
    }

    static String bare(String eTag) {
        if (eTag == null || eTag.isBlank()) {
            return null;
        }
        String s = eTag.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
