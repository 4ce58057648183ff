package dev.finnews.local.parse;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.finnews.article.Article;
import dev.finnews.ingest.IngestLimits;
import dev.finnews.json.ArticleJson;
import dev.finnews.json.Json;
import dev.finnews.local.cli.Arguments;
import dev.finnews.local.cli.Command;
import dev.finnews.local.cli.ExitCode;
import dev.finnews.local.cli.Option;
import dev.finnews.local.cli.Options;
import dev.finnews.local.cli.Terminal;
import dev.finnews.local.cli.UsageException;
import dev.finnews.parser.ArticleParser;
import dev.finnews.parser.ParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code finnews parse [--bucket B] [--key K] FILE...}: one JSON line per file, in input order, each
 * with {@code file} (the path as given) and the article's fields, or an {@code error} object. The
 * article is parsed as if uploaded to bucket B under key K, so its {@code id} is the one ingest gives.
 */
public final class ParseCommand implements Command {
    private static final Options OPTIONS = Options.of(
            Option.value("--bucket", "B", "articles", "parse as if uploaded to this bucket"),
            Option.value("--key", "K", null, "parse as if uploaded under this key (one FILE only; default: the file's name)"));

    private final Map<String, String> env;

    public ParseCommand() {
        this(System.getenv());
    }

    ParseCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public String summary() {
        return "Parse article files and print their metadata, one JSON line per file (exit 1 if any failed)";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public String operands() {
        return "FILE...";
    }

    @Override
    public int run(Arguments args, Terminal terminal) throws UsageException {
        List<String> files = args.operands();
        if (files.isEmpty()) {
            throw new UsageException("no FILE given");
        }
        if (args.has("--key") && files.size() != 1) {
            throw new UsageException("--key applies to one FILE, but " + files.size() + " were given");
        }
        String bucket = args.required("--bucket");
        int maxBytes = maxBytes();
        ArticleParser parser = new ArticleParser(maxBytes);
        boolean allParsed = true;
        for (String file : files) {
            Path path = Path.of(file);
            String key = args.has("--key") ? args.required("--key") : String.valueOf(path.getFileName());
            Result result = parseOne(parser, path, bucket, key, maxBytes);
            allParsed &= result instanceof Parsed;
            terminal.out().println(Json.write(g -> {
                g.writeStartObject();
                g.writeStringField("file", file);
                result.write(g);
                g.writeEndObject();
            }));
        }
        return allParsed ? ExitCode.OK : ExitCode.FAILED;
    }

    /** The size limit exactly as ingest reads it, so a file too large to ingest is too large here too. */
    private int maxBytes() throws UsageException {
        try {
            return IngestLimits.fromEnv(env).maxObjectBytes();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Result parseOne(ArticleParser parser, Path path, String bucket, String key, int maxBytes) {
        byte[] content;
        try (InputStream in = Files.newInputStream(path)) {
            // One byte over the limit is enough for the parser to say TOO_LARGE; never read a huge file whole.
            content = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
        } catch (IOException e) {
            return new Failed("UNREADABLE", "cannot read " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        try {
            return new Parsed(parser.parse(content, bucket, key));
        } catch (ParseException e) {
            return new Failed(e.code().name(), e.getMessage());
        }
    }

    /** What one file became. */
    private sealed interface Result {
        void write(JsonGenerator g) throws IOException;
    }

    private record Parsed(Article article) implements Result {
        @Override
        public void write(JsonGenerator g) throws IOException {
            ArticleJson.writeFields(g, article);
        }
    }

    private record Failed(String code, String message) implements Result {
        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
        }
    }
}
