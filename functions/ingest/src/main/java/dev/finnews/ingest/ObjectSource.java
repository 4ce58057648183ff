package dev.finnews.ingest;

import dev.finnews.article.S3Location;

import java.time.Instant;

/** The S3 side of ingest: one read of an object version, or one existence check. */
public interface ObjectSource {

    /**
     * Reads the object, only if its eTag is still {@code ifMatch} (when given) and it has at most
     * {@code maxBytes} bytes; a larger object is not downloaded.
     */
    Fetch fetch(S3Location source, String ifMatch, long maxBytes);

    /** True when the object exists now. */
    boolean exists(S3Location source);

    /** The result of one {@link #fetch}. */
    sealed interface Fetch {
        /** @param lastModified when the version was uploaded */
        record Found(byte[] content, String eTag, Instant lastModified) implements Fetch {
        }

        /** 404: the object is gone. */
        record Missing() implements Fetch {
        }

        /** 412: the object is now another version than the event's. */
        record Changed() implements Fetch {
        }

        /** @param size the object's size, or a lower bound when S3 did not say */
        record TooLarge(long size, String eTag) implements Fetch {
        }
    }
}
