package dev.finnews.ingest;

import dev.finnews.article.S3Location;
import dev.finnews.json.JsonTree;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an S3 event notification (its JSON, parsed by {@link JsonTree}) into object changes. Keys
 * arrive form-encoded ({@code +} is a space, {@code %2B} a plus, Chinese percent-encoded) and are
 * decoded exactly once, here. Only the members ingest uses are read.
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

    static List<Decoded> decode(Object event) {
        List<Decoded> decoded = new ArrayList<>();
        List<Object> records = JsonTree.list(JsonTree.object(event), "Records");
        if (records.isEmpty()) {
            // S3's s3:TestEvent has no Records; neither has anything else worth doing
            decoded.add(new Decoded.Ignored(null, null, "no records (s3:TestEvent or empty event)"));
            return decoded;
        }
        for (Object record : records) {
            decoded.add(decode(JsonTree.object(record)));
        }
        return decoded;
    }

    private static Decoded decode(Map<String, Object> record) {
        String eventName = JsonTree.string(record, "eventName");
        String name = eventName == null ? "" : eventName;
        if (name.startsWith("s3:")) {
            name = name.substring(3); // hand-made events sometimes copy the configuration's spelling
        }
        boolean created = name.startsWith("ObjectCreated:");
        boolean removed = name.startsWith("ObjectRemoved:");
        Map<String, Object> s3 = JsonTree.object(record, "s3");
        if (!(s3.get("bucket") instanceof Map) || !(s3.get("object") instanceof Map)) {
            return new Decoded.Ignored(null, null, "record without bucket or object: " + eventName);
        }
        String bucket = JsonTree.string(JsonTree.object(s3, "bucket"), "name");
        Map<String, Object> object = JsonTree.object(s3, "object");
        String encodedKey = JsonTree.string(object, "key");
        if (!created && !removed) {
            return new Decoded.Ignored(bucket, encodedKey, "event " + eventName + " is not handled");
        }
        String key;
        try {
            key = encodedKey == null ? null : URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Decoded.Ignored(bucket, encodedKey, "undecodable key");
        }
        if (bucket == null || key == null || key.isEmpty()) {
            return new Decoded.Ignored(bucket, key, "record without bucket or key");
        }
        S3Location source = new S3Location(bucket, key);
        String sequencer = blankToNull(JsonTree.string(object, "sequencer"));
        return new Decoded.Change(created
                ? new ObjectChange.Created(source, JsonTree.string(object, "eTag"), size(object), sequencer)
                : new ObjectChange.Removed(source, sequencer));
    }

    /** The object's size in bytes, or null when the record has none. */
    private static Long size(Map<String, Object> object) {
        return object.get("size") instanceof Number n ? n.longValue() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
