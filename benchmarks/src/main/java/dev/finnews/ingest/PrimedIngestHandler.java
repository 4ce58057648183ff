package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The shipped ingest handler as a SnapStart snapshot holds it: constructed, then primed by the hook a
 * checkpoint runs. Its init is what publishing a version spends once; its first invoke is what a
 * restored instance still does (what priming cannot warm, such as the success answers of GetObject and
 * of the transaction), short of Lambda's restore itself, which only AWS can measure.
 */
public class PrimedIngestHandler implements RequestStreamHandler {
    private final IngestHandler handler = new IngestHandler();

    public PrimedIngestHandler() {
        handler.priming().beforeCheckpoint(null);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        handler.handleRequest(event, response, context);
    }
}
