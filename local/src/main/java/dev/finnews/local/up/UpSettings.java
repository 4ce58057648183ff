package dev.finnews.local.up;

import java.net.URI;
import java.util.Optional;

/**
 * What {@code finnews up} was asked for.
 *
 * @param apiPort  the HTTP API's port on 127.0.0.1 (0: any free port)
 * @param awsPort  moto's port (0: any free port); unused with an endpoint
 * @param endpoint an emulator already running, used instead of starting moto
 */
record UpSettings(int apiPort, int awsPort, Optional<URI> endpoint, String bucket, String table, String region, boolean seed) {
}
