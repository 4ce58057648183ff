package dev.finnews.local.redrive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finnews.ingest.IngestHandler;
import dev.finnews.local.aws.AwsTarget;
import dev.finnews.local.cli.Arguments;
import dev.finnews.local.cli.Command;
import dev.finnews.local.cli.ExitCode;
import dev.finnews.local.cli.Option;
import dev.finnews.local.cli.Options;
import dev.finnews.local.cli.Terminal;
import dev.finnews.local.cli.UsageException;
import dev.finnews.local.lambda.LambdaJson;
import dev.finnews.local.lambda.LocalContext;
import dev.finnews.local.lambda.LocalFunction;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code finnews redrive --queue URL}: replays the events recorded on the ingest function's failure
 * queue (Lambda's on-failure invocation records; a dead-letter queue's bare events work too) through
 * the ingest handler, deleting each message whose event now succeeds. Messages that fail again, or
 * hold no S3 event, stay on the queue and are made visible again at the end.
 */
public final class RedriveCommand implements Command {
    /** Long enough that no message comes round twice in one run. */
    static final int VISIBILITY_SECONDS = 300;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Options OPTIONS = Options.of(
            Option.value("--queue", "URL", null, "the failure queue's URL (required)"),
            Option.value("--endpoint", "URL", null, "an emulator's endpoint; default: AWS with the default credential chain"),
            Option.value("--table", "NAME", "finnews-articles", "the article table"),
            Option.value("--region", "REGION", null, "default: $AWS_REGION, else us-east-1"));

    @Override
    public String name() {
        return "redrive";
    }

    @Override
    public String summary() {
        return "Replay the ingest failure queue's events through the ingest handler; delete each that now succeeds";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Arguments args, Terminal terminal) throws UsageException {
        String queue = args.required("--queue");
        Map<String, String> base = System.getenv();
        String region = args.value("--region").orElseGet(() -> AwsTarget.defaultRegion(base));
        AwsTarget target = new AwsTarget(args.endpoint("--endpoint"), region);
        LocalFunction function = LocalFunction.ingest(region);
        Map<String, String> env = target.handlerEnv(base, args.required("--table"));
        PrintStream stdout = System.out;
        System.setOut(terminal.err()); // the handler's log lines are logs
        try (SqsClient sqs = target.sqs(base)) {
            Counts counts = redrive(sqs, queue, new IngestHandler(env), function, terminal.err());
            terminal.out().println(counts);
            return counts.failed() + counts.skipped() == 0 ? ExitCode.OK : ExitCode.FAILED;
        } catch (SdkException e) {
            terminal.err().println("finnews redrive: cannot read " + queue + ": " + e.getMessage());
            return ExitCode.FAILED;
        } finally {
            System.setOut(stdout);
        }
    }

    /** {@code redriven=N failed=N skipped=N}. */
    record Counts(int redriven, int failed, int skipped) {
        @Override
        public String toString() {
            return "redriven=" + redriven + " failed=" + failed + " skipped=" + skipped;
        }
    }

    private static Counts redrive(SqsClient sqs, String queue, IngestHandler handler, LocalFunction function, PrintStream log) {
        Set<String> seen = new HashSet<>();
        List<Message> keep = new ArrayList<>();
        int redriven = 0;
        int failed = 0;
        int skipped = 0;
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(VISIBILITY_SECONDS)).messages();
            List<Message> fresh = batch.stream().filter(m -> seen.add(m.messageId())).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (Message message : fresh) {
                String event = eventOf(message.body());
                if (event == null) {
                    log.println("redrive: skipped message " + message.messageId() + ": it holds no S3 event");
                    skipped++;
                    keep.add(message);
                    continue;
                }
                String requestId = UUID.randomUUID().toString();
                try {
                    LambdaJson.invoke(handler, event, new LocalContext(function, requestId, log));
                    sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
                    log.println("redrive: request " + requestId + " succeeded; message " + message.messageId() + " deleted");
                    redriven++;
                } catch (RuntimeException e) {
                    log.println("redrive: request " + requestId + " failed again: " + e.getMessage() + "; message "
                            + message.messageId() + " stays");
                    failed++;
                    keep.add(message);
                }
            }
        }
        // what stays is visible again at once, for the next redrive
        keep.forEach(m -> sqs.changeMessageVisibility(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())
                .visibilityTimeout(0)));
        return new Counts(redriven, failed, skipped);
    }

    /** The S3 event in a message: an on-failure record's {@code requestPayload}, or a bare event (a dead-letter queue's). */
    static String eventOf(String body) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (tree == null) {
            return null;
        }
        JsonNode event = tree.has("requestPayload") ? tree.get("requestPayload") : tree;
        return event.path("Records").isArray() ? event.toString() : null;
    }
}
