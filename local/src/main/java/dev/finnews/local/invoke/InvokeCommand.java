package dev.finnews.local.invoke;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finnews.ingest.IngestHandler;
import dev.finnews.local.aws.AwsTarget;
import dev.finnews.local.cli.Arguments;
import dev.finnews.local.cli.Command;
import dev.finnews.local.cli.ExitCode;
import dev.finnews.local.cli.Option;
import dev.finnews.local.cli.Options;
import dev.finnews.local.cli.Terminal;
import dev.finnews.local.cli.UsageException;
import dev.finnews.local.lambda.CursorSecret;
import dev.finnews.local.lambda.FunctionError;
import dev.finnews.local.lambda.LambdaJson;
import dev.finnews.local.lambda.LocalContext;
import dev.finnews.local.lambda.LocalFunction;
import dev.finnews.local.lambda.Report;
import dev.finnews.query.QueryHandler;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code finnews invoke ingest|query --event FILE}: one invocation of a fresh handler in this fresh
 * JVM, like {@code sam local invoke}. The event file's JSON goes to the handler as the runtime passes
 * it; the response goes to standard output as the handler writes it (an error as Lambda's error
 * payload, exit 1); handler logs and the {@code REPORT} line go to standard error.
 */
public final class InvokeCommand implements Command {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Options OPTIONS = Options.of(
            Option.value("--event", "FILE", null, "the event JSON (see infrastructure/events/)"),
            Option.value("--endpoint", "URL", null, "an emulator's endpoint (e.g. http://127.0.0.1:4566); default: AWS"),
            Option.value("--bucket", "NAME", null, "ingest only: rewrite the event's bucket name to this one"),
            Option.value("--table", "NAME", "finnews-articles", "the article table"),
            Option.value("--region", "REGION", null, "default: $AWS_REGION, else us-east-1"));

    /** The two functions, each with how to build it from an environment. */
    private enum Target {
        INGEST(LocalFunction::ingest, IngestHandler::new),
        QUERY(LocalFunction::query, QueryHandler::new);

        final Function<String, LocalFunction> function;
        final Function<Map<String, String>, RequestStreamHandler> handler;

        Target(Function<String, LocalFunction> function, Function<Map<String, String>, RequestStreamHandler> handler) {
            this.function = function;
            this.handler = handler;
        }
    }

    @Override
    public String name() {
        return "invoke";
    }

    @Override
    public String summary() {
        return "Invoke the ingest or query handler once with an event file; prints the response and a REPORT line";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public String operands() {
        return "ingest|query";
    }

    @Override
    public int run(Arguments args, Terminal terminal) throws UsageException {
        if (args.operands().size() != 1) {
            throw new UsageException("name one function: ingest or query");
        }
        Target target = switch (args.operands().get(0)) {
            case "ingest" -> Target.INGEST;
            case "query" -> Target.QUERY;
            default -> throw new UsageException("unknown function '" + args.operands().get(0) + "'; use ingest or query");
        };
        if (target == Target.QUERY && args.has("--bucket")) {
            throw new UsageException("--bucket applies to invoke ingest only");
        }
        String event = readEvent(args.required("--event"), args.value("--bucket").orElse(null));
        String region = args.value("--region").orElseGet(() -> AwsTarget.defaultRegion(System.getenv()));
        Map<String, String> env = new AwsTarget(args.endpoint("--endpoint"), region)
                .handlerEnv(System.getenv(), args.required("--table"));
        env.computeIfAbsent("CURSOR_SECRET", unset -> CursorSecret.random());
        return invoke(target, target.function.apply(region), env, event, terminal);
    }

    /**
     * Init (the constructor) and one invocation, timed as Lambda times them; a failure in either is
     * reported with Lambda's error payload.
     */
    private static int invoke(Target target, LocalFunction function, Map<String, String> env, String event, Terminal terminal) {
        String requestId = UUID.randomUUID().toString();
        PrintStream stdout = System.out;
        System.setOut(terminal.err()); // handler logs are logs, not the response
        try {
            RequestStreamHandler handler = null;
            Throwable error = null;
            try {
                handler = target.handler.apply(env);
            } catch (RuntimeException | Error initFailed) {
                error = initFailed;
            }
            double initMillis = Report.millisSinceJvmStart();
            long start = System.nanoTime();
            String response = null;
            if (handler != null) {
                try {
                    response = LambdaJson.invoke(handler, event, new LocalContext(function, requestId, terminal.err()));
                } catch (RuntimeException | Error invocationFailed) {
                    error = invocationFailed;
                }
            }
            double durationMillis = (System.nanoTime() - start) / 1e6;
            terminal.out().println(error == null ? response : FunctionError.json(error));
            terminal.out().flush();
            terminal.err().println(Report.line(requestId, durationMillis, initMillis));
            return error == null ? ExitCode.OK : ExitCode.FAILED;
        } finally {
            System.setOut(stdout);
        }
    }

    /** The event file's JSON; with {@code bucket}, every S3 record's bucket renamed (name and ARN). */
    private static String readEvent(String file, String bucket) throws UsageException {
        String text;
        try {
            text = Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UsageException("cannot read --event " + file + ": " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("--event " + file + " is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new UsageException("--event " + file + " must hold one JSON object");
        }
        if (bucket == null) {
            return text;
        }
        for (JsonNode record : tree.path("Records")) {
            JsonNode s3Bucket = record.path("s3").path("bucket");
            if (s3Bucket instanceof ObjectNode named) {
                named.put("name", bucket);
                named.put("arn", "arn:aws:s3:::" + bucket);
            }
        }
        return tree.toString();
    }
}
