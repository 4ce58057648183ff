package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.finnews.article.S3Location;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an S3 event into object changes. Keys arrive form-encoded ({@code +} is a space,
 * {@code %2B} a plus, Chinese percent-encoded) and are decoded exactly once, here.
 */
final class EventRecords {
    private EventRecords() {
    }

    /** One record of an event: a change to apply, or a record to log and skip. */
    sealed interface Decoded {
        record Change(ObjectChange change) implements Decoded {
        }

        /** {@code bucket}/{@code key} are whatever could be read, possibly null. */
        record Ignored(String bucket, String key, String reason) implements Decoded {
        }
    }

    static List<Decoded> decode(S3Event event) {
        List<Decoded> decoded = new ArrayList<>();
        if (event == null || event.getRecords() == null || event.getRecords().isEmpty()) {
            // S3's s3:TestEvent has no Records; neither has anything else worth doing
            decoded.add(new Decoded.Ignored(null, null, "no records (s3:TestEvent or empty event)"));
            return decoded;
        }
        for (S3EventNotificationRecord record : event.getRecords()) {
            decoded.add(decode(record));
        }
        return decoded;
    }

    private static Decoded decode(S3EventNotificationRecord record) {
        String name = record.getEventName() == null ? "" : record.getEventName();
        if (name.startsWith("s3:")) {
            name = name.substring(3); // hand-made events sometimes copy the configuration's spelling
        }
        boolean created = name.startsWith("ObjectCreated:");
        boolean removed = name.startsWith("ObjectRemoved:");
        if (record.getS3() == null || record.getS3().getBucket() == null || record.getS3().getObject() == null) {
            return new Decoded.Ignored(null, null, "record without bucket or object: " + record.getEventName());
        }
        String bucket = record.getS3().getBucket().getName();
        var object = record.getS3().getObject();
        if (!created && !removed) {
            return new Decoded.Ignored(bucket, object.getKey(), "event " + record.getEventName() + " is not handled");
        }
        String key;
        try {
            key = object.getUrlDecodedKey();
        } catch (IllegalArgumentException e) {
            return new Decoded.Ignored(bucket, object.getKey(), "undecodable key");
        }
        if (bucket == null || key == null || key.isEmpty()) {
            return new Decoded.Ignored(bucket, key, "record without bucket or key");
        }
        S3Location source = new S3Location(bucket, key);
        String sequencer = blankToNull(object.getSequencer());
        return new Decoded.Change(created
                ? new ObjectChange.Created(source, object.geteTag(), object.getSizeAsLong(), sequencer)
                : new ObjectChange.Removed(source, sequencer));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
