package dev.finnews.ingest;

import dev.finnews.article.S3Location;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * {@link ObjectSource} on S3. A fetch is one GetObject: the size is checked from the response
 * headers before the body is read, and an oversized body is aborted, never downloaded.
 */
public final class S3ObjectSource implements ObjectSource {
    private final S3Client s3;

    public S3ObjectSource(S3Client s3) {
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public Fetch fetch(S3Location source, String ifMatch, long maxBytes) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(source.bucket()).key(source.key());
        if (ifMatch != null) {
            request.ifMatch("\"" + ifMatch + "\"");
        }
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(request.build());
        } catch (NoSuchKeyException e) {
            return new Fetch.Missing();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return new Fetch.Missing();
            }
            if (e.statusCode() == 412) {
                return new Fetch.Changed();
            }
            throw e;
        }
        GetObjectResponse response = body.response();
        String eTag = ETags.bare(response.eTag());
        Long length = response.contentLength();
        try (body) {
            if (length != null && length > maxBytes) {
                body.abort();
                return new Fetch.TooLarge(length, eTag);
            }
            byte[] content = body.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE));
            if (content.length > maxBytes) {
                body.abort(); // the length header lied or was missing; stop reading
                return new Fetch.TooLarge(content.length, eTag);
            }
            return new Fetch.Found(content, eTag, response.lastModified());
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + source.bucket() + "/" + source.key(), e);
        }
    }

    @Override
    public boolean exists(S3Location source) {
        try {
            s3.headObject(r -> r.bucket(source.bucket()).key(source.key()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
