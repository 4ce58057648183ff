package dev.finnews.local.up;

import java.net.URI;

/**
 * What {@code finnews up} prints once everything runs: where things are, commands to copy, and one
 * machine-readable {@code READY} line, always last.
 */
final class Banner {
    private Banner() {
    }

    static String text(String api, URI aws, LocalResources r, String region, int seeded) {
        String endpoint = aws.toString();
        String bucket = r.bucket();
        return """
                finnews is running: uploads to S3 → ingest function → DynamoDB → query function → HTTP API.

                  HTTP API        %1$s
                  AWS endpoint    %2$s   (S3, DynamoDB, SQS)
                  bucket          %3$s   table %4$s   region %5$s
                  failure queue   %6$s
                  samples         %7$s

                Upload and query, in another terminal:
                  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=%5$s
                  aws --endpoint-url %2$s s3 cp my-article.md s3://%3$s/news/
                  aws --endpoint-url %2$s s3 ls s3://%3$s/ --recursive
                  curl -s '%1$s/articles?limit=5'
                  curl -s '%1$s/categories'
                  curl -s '%1$s/categories/%%E6%%96%%B0%%E6%%B5%%AA%%E8%%B4%%A2%%E7%%BB%%8F/articles'    # 新浪财经
                  curl -s '%1$s/dates/2022-05-18/articles'
                  curl -s '%1$s/stocks'
                  curl -s '%1$s/stocks/601988.SH/articles?order=asc'
                  curl -s '%1$s/failures'
                Re-ingest everything, replay failed events:
                  ./finnews backfill --endpoint %2$s --bucket %3$s --force
                  ./finnews redrive --endpoint %2$s --queue %6$s

                Stop with Ctrl-C.
                READY api=%1$s aws=%2$s bucket=%3$s
                """.formatted(api, endpoint, bucket, r.table(), region, r.failureQueueUrl(),
                seeded == 0 ? "none uploaded" : seeded + " uploaded under s3://" + bucket + "/" + Samples.PREFIX);
    }
}
