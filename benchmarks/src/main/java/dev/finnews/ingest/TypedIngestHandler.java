package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.finnews.article.S3Location;
import dev.finnews.json.Json;
import org.crac.Core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ingest function written as a typed {@code RequestHandler<S3Event, String>}, the usual way: the
 * runtime maps the event onto the {@code aws-lambda-java-events} classes before the call and writes the
 * answer as a JSON string after it. With the shipped SDK clients, it measures what reading the event's
 * JSON directly saves; {@link NaiveIngestHandler} adds the default clients. Records are handled by the
 * real handler's code.
 */
public class TypedIngestHandler implements RequestHandler<S3Event, String> {
    private final IngestHandler delegate;

    public TypedIngestHandler() {
        this(IngestServices.fromEnv(System.getenv()));
    }

    TypedIngestHandler(IngestService service) {
        delegate = new IngestHandler(service, System.out::println, Core.getGlobalContext());
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        Map<String, Integer> tally = delegate.handle(decode(event), context == null ? null : context.getAwsRequestId());
        return Json.write(g -> {
            g.writeStartObject();
            for (Map.Entry<String, Integer> e : tally.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        });
    }

    /** The records read from the event classes, as a typed handler reads them. */
    private static List<EventRecords.Decoded> decode(S3Event event) {
        List<EventRecords.Decoded> decoded = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            var object = record.getS3().getObject();
            S3Location source = new S3Location(record.getS3().getBucket().getName(), object.getUrlDecodedKey());
            String sequencer = object.getSequencer() == null || object.getSequencer().isBlank() ? null : object.getSequencer();
            decoded.add(new EventRecords.Decoded.Change(record.getEventName().startsWith("ObjectCreated:")
                    ? new ObjectChange.Created(source, object.geteTag(), object.getSizeAsLong(), sequencer)
                    : new ObjectChange.Removed(source, sequencer)));
        }
        return decoded;
    }
}
