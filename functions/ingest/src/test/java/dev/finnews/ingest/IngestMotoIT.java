package dev.finnews.ingest;

import dev.finnews.testing.MotoServer;

import java.net.URI;

/** The ingest scenarios against moto's server (S3 and DynamoDB on one endpoint). */
class IngestMotoIT extends IngestScenarios {
    @Override
    URI endpoint() {
        return MotoServer.get().endpoint();
    }
}
