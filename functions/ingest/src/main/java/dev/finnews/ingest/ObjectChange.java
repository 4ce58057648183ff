package dev.finnews.ingest;

import dev.finnews.article.S3Location;

import java.util.Objects;

/** One decoded S3 event record: an object version was created, or the object was removed. */
public sealed interface ObjectChange {

    S3Location source();

    /** The event's sequencer, or null (moto, backfill and hand-made events have none). */
    String sequencer();

    /**
     * @param eTag the new version's eTag (quotes removed), or null when the event has none
     * @param size its size in bytes, or null when the event does not say
     */
    record Created(S3Location source, String eTag, Long size, String sequencer) implements ObjectChange {
        public Created {
            Objects.requireNonNull(source, "source");
            eTag = ETags.bare(eTag);
        }
    }

    record Removed(S3Location source, String sequencer) implements ObjectChange {
        public Removed {
            Objects.requireNonNull(source, "source");
        }
    }
}
