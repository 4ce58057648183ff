package dev.finnews.infrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.finnews.infrastructure.CfnTemplate.at;
import static dev.finnews.infrastructure.CfnTemplate.getAtt;
import static dev.finnews.infrastructure.CfnTemplate.list;
import static dev.finnews.infrastructure.CfnTemplate.map;
import static dev.finnews.infrastructure.CfnTemplate.ref;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment's security and durability rules, read from template.yaml: least privilege, no
 * public data, encryption at rest and in transit, data kept when the stack goes, limits and logs on
 * the API, alarms on everything that can fail quietly.
 */
class TemplateSecurityIT {
    private static final Set<String> TABLE_READ = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
    private static final Set<String> TABLE_WRITE = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem");
    private static final Set<String> OWN_LOGS = Set.of("logs:CreateLogStream", "logs:PutLogEvents");

    private static CfnTemplate template;

    @BeforeAll
    static void load() {
        template = CfnTemplate.load(Repo.path("template.yaml"));
    }

    // ------------------------------------------------------------------ least privilege

    @Test
    void noPolicyAnywhereAllowsAWildcardActionOrResource() {
        List<Map<String, Object>> allows = new ArrayList<>();
        for (Map<String, Object> role : template.ofType("AWS::IAM::Role").values()) {
            for (Object policy : list(at(role, "Properties", "Policies").orElse(List.of()))) {
                list(at(policy, "PolicyDocument", "Statement").orElseThrow()).forEach(s -> allows.add(map(s)));
            }
        }
        assertThat(allows).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            assertThat(list(statement.get("Action"))).allSatisfy(action -> assertThat((String) action).doesNotContain("*"));
            assertThat(list(statement.get("Resource"))).allSatisfy(resource -> assertThat(resource).isNotEqualTo("*"));
            assertThat(statement).doesNotContainKeys("NotAction", "NotResource");
        });
    }

    @Test
    void functionsRunAsTheirOwnRolesWithoutManagedPolicies() {
        for (String name : List.of("Ingest", "Query")) {
            Map<String, Object> function = template.properties(name + "Function");
            assertThat(function.get("Role")).isEqualTo(getAtt(name + "Role", "Arn"));
            assertThat(function).doesNotContainKeys("Policies");
            Map<String, Object> role = template.properties(name + "Role");
            assertThat(role).doesNotContainKeys("ManagedPolicyArns", "RoleName");
            assertThat(at(role, "AssumeRolePolicyDocument", "Statement")).hasValueSatisfying(statements ->
                    assertThat(list(statements)).singleElement().satisfies(s ->
                            assertThat(at(s, "Principal", "Service")).contains("lambda.amazonaws.com")));
        }
    }

    @Test
    void ingestReadsTheBucketByNameAndReadsAndWritesTheTable() {
        Map<String, Map<String, Object>> statements = statementsBySid("IngestRole");
        assertThat(statements).containsOnlyKeys("WriteOwnLogs", "ReadUploads", "ListUploadsSoMissingKeysAnswer404",
                "ReadWriteArticles", "SendFailedEvents");
        assertThat(actions(statements.get("WriteOwnLogs"))).isEqualTo(OWN_LOGS);
        assertThat(statements.get("WriteOwnLogs").get("Resource")).isEqualTo(getAtt("IngestLogGroup", "Arn"));

        assertThat(actions(statements.get("ReadUploads"))).containsExactly("s3:GetObject");
        assertThat(actions(statements.get("ListUploadsSoMissingKeysAnswer404"))).containsExactly("s3:ListBucket");
        // Named through the bucket-name parameter, never a Ref/GetAtt of the bucket: that would be circular
        // (bucket notification → function permission → function → role → bucket).
        assertBucketArn(statements.get("ReadUploads").get("Resource"), "/*");
        assertBucketArn(statements.get("ListUploadsSoMissingKeysAnswer404").get("Resource"), "");

        Set<String> table = actions(statements.get("ReadWriteArticles"));
        assertThat(TABLE_READ).isSubsetOf(table);
        assertThat(table).isSubsetOf(union(TABLE_READ, TABLE_WRITE)).contains("dynamodb:PutItem", "dynamodb:DeleteItem");
        assertThat(statements.get("ReadWriteArticles").get("Resource")).isEqualTo(getAtt("ArticlesTable", "Arn"));

        assertThat(actions(statements.get("SendFailedEvents"))).containsExactly("sqs:SendMessage");
        assertThat(statements.get("SendFailedEvents").get("Resource")).isEqualTo(getAtt("IngestFailureQueue", "Arn"));
    }

    @Test
    void queryOnlyReadsTheTable() {
        Map<String, Map<String, Object>> statements = statementsBySid("QueryRole");
        assertThat(statements).containsOnlyKeys("WriteOwnLogs", "ReadArticles");
        assertThat(actions(statements.get("WriteOwnLogs"))).isEqualTo(OWN_LOGS);
        assertThat(statements.get("WriteOwnLogs").get("Resource")).isEqualTo(getAtt("QueryLogGroup", "Arn"));
        assertThat(actions(statements.get("ReadArticles"))).isEqualTo(TABLE_READ);
        assertThat(statements.get("ReadArticles").get("Resource")).isEqualTo(getAtt("ArticlesTable", "Arn"));
    }

    @Test
    void theBucketPolicyOnlyDenies() {
        List<Object> statements = list(at(template.properties("UploadBucketPolicy"), "PolicyDocument", "Statement").orElseThrow());
        assertThat(statements).allSatisfy(s -> assertThat(map(s).get("Effect")).isEqualTo("Deny"));
    }

    // ------------------------------------------------------------------ the bucket

    @Test
    void bucketIsEncryptedPrivateTlsOnlyAndRetained() {
        Map<String, Object> bucket = template.properties("UploadBucket");
        assertThat(at(bucket, "BucketEncryption", "ServerSideEncryptionConfiguration")).hasValueSatisfying(rules ->
                assertThat(at(list(rules).get(0), "ServerSideEncryptionByDefault", "SSEAlgorithm")).contains("AES256"));
        assertThat(map(bucket.get("PublicAccessBlockConfiguration"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        assertThat(at(bucket, "OwnershipControls", "Rules")).hasValueSatisfying(rules ->
                assertThat(at(list(rules).get(0), "ObjectOwnership")).contains("BucketOwnerEnforced"));
        assertRetained("UploadBucket");

        Map<String, Object> policy = template.properties("UploadBucketPolicy");
        assertThat(policy.get("Bucket")).isEqualTo(ref("UploadBucket"));
        assertThat(list(at(policy, "PolicyDocument", "Statement").orElseThrow())).anySatisfy(s -> {
            Map<String, Object> statement = map(s);
            assertThat(statement.get("Effect")).isEqualTo("Deny");
            assertThat(statement.get("Principal")).isEqualTo("*");
            assertThat(statement.get("Action")).isEqualTo("s3:*");
            assertThat(at(statement, "Condition", "Bool", "aws:SecureTransport")).contains("false");
            assertThat(list(statement.get("Resource"))).containsExactlyInAnyOrder(
                    getAtt("UploadBucket", "Arn"), Map.of("Fn::Sub", "${UploadBucket.Arn}/*"));
        });
    }

    @Test
    void versioningIsAParameter() {
        assertThat(at(template.properties("UploadBucket"), "VersioningConfiguration", "Status"))
                .contains(Map.of("Fn::If", List.of("VersioningOn", "Enabled", "Suspended")));
        assertThat(template.parameter("UploadBucketVersioning").get("AllowedValues")).isEqualTo(List.of("true", "false"));
    }

    // ------------------------------------------------------------------ table and queue

    @Test
    void tableIsEncryptedRecoverableOnDemandAndRetained() {
        Map<String, Object> table = template.properties("ArticlesTable");
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(at(table, "SSESpecification", "SSEEnabled")).contains(true);
        assertThat(at(table, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")).contains(true);
        assertThat(table.get("TimeToLiveSpecification")).isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
        assertThat(table.get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", "pk", "KeyType", "HASH"), Map.of("AttributeName", "sk", "KeyType", "RANGE")));
        assertThat(table.get("AttributeDefinitions")).isEqualTo(List.of(
                Map.of("AttributeName", "pk", "AttributeType", "S"), Map.of("AttributeName", "sk", "AttributeType", "S")));
        assertThat(table).doesNotContainKeys("GlobalSecondaryIndexes", "LocalSecondaryIndexes", "TableName");
        assertThat(table.get("DeletionProtectionEnabled")).isEqualTo(true);
        assertRetained("ArticlesTable");
    }

    @Test
    void failedEventsAreKeptFourteenDaysEncrypted() {
        Map<String, Object> queue = template.properties("IngestFailureQueue");
        assertThat(queue.get("MessageRetentionPeriod")).isEqualTo(14 * 24 * 3600);
        assertThat(queue.get("SqsManagedSseEnabled")).isEqualTo(true);

        Map<String, Object> invoke = map(template.properties("IngestFunction").get("EventInvokeConfig"));
        assertThat(invoke.get("MaximumRetryAttempts")).isEqualTo(ref("FailureEventRetryAttempts"));
        assertThat(invoke.get("MaximumEventAgeInSeconds")).isEqualTo(ref("FailureEventMaxAgeSeconds"));
        assertThat(at(invoke, "DestinationConfig", "OnFailure")).contains(Map.of(
                "Type", "SQS", "Destination", getAtt("IngestFailureQueue", "Arn")));
    }

    // ------------------------------------------------------------------ API

    @Test
    void apiIsThrottledLoggedAndLeavesCorsToTheFunction() {
        Map<String, Object> api = template.properties("QueryApi");
        assertThat(map(api.get("DefaultRouteSettings"))).containsOnlyKeys("ThrottlingRateLimit", "ThrottlingBurstLimit")
                .containsEntry("ThrottlingRateLimit", ref("ApiThrottlingRateLimit"))
                .containsEntry("ThrottlingBurstLimit", ref("ApiThrottlingBurstLimit"));
        assertThat(at(api, "AccessLogSettings", "DestinationArn")).contains(getAtt("ApiAccessLogGroup", "Arn"));
        assertThat((String) at(api, "AccessLogSettings", "Format").orElseThrow())
                .contains("$context.requestId", "$context.status")
                .as("query strings carry cursors: not logged").doesNotContainIgnoringCase("querystring");
        assertThat(api).doesNotContainKeys("CorsConfiguration");
        assertThat(at(api, "DefinitionBody", "x-amazon-apigateway-cors")).isEmpty();
    }

    @Test
    void iamAuthorisationIsChosenByTheApiAuthParameter() {
        assertThat(template.parameter("ApiAuth").get("AllowedValues")).isEqualTo(List.of("NONE", "FAILURES", "ALL"));
        assertThat(template.parameter("ApiAuth").get("Default")).as("operator data protected by default").isEqualTo("FAILURES");
        Map<String, Object> paths = map(at(template.properties("QueryApi"), "DefinitionBody", "paths").orElseThrow());
        assertThat(at(paths, "$default", "x-amazon-apigateway-any-method", "security")).contains(Map.of("Fn::If",
                List.of("AuthAll", List.of(Map.of("AWS_IAM", List.of())), ref("AWS::NoValue"))));
        assertThat(at(paths, "/failures", "get", "security")).contains(Map.of("Fn::If",
                List.of("AuthNone", ref("AWS::NoValue"), List.of(Map.of("AWS_IAM", List.of())))));
        assertThat(at(template.properties("QueryApi"), "Auth", "EnableIamAuthorizer")).contains(true);
    }

    @Test
    void cursorSecretIsANoEchoParameterWithoutDefault() {
        Map<String, Object> secret = template.parameter("CursorSecret");
        assertThat(secret.get("NoEcho")).isEqualTo(true);
        assertThat(secret).doesNotContainKey("Default");
        assertThat((Integer) secret.get("MinLength")).isGreaterThanOrEqualTo(32);
    }

    // ------------------------------------------------------------------ logs and alarms

    @Test
    void everyLogGroupHasRetentionAndEveryFunctionLogsToOne() {
        Map<String, Map<String, Object>> groups = template.ofType("AWS::Logs::LogGroup");
        assertThat(groups).containsOnlyKeys("IngestLogGroup", "QueryLogGroup", "ApiAccessLogGroup");
        assertThat(groups.values()).allSatisfy(group ->
                assertThat(at(group, "Properties", "RetentionInDays")).contains(ref("LogRetentionDays")));
        assertThat(at(template.properties("IngestFunction"), "LoggingConfig", "LogGroup")).contains(ref("IngestLogGroup"));
        assertThat(at(template.properties("QueryFunction"), "LoggingConfig", "LogGroup")).contains(ref("QueryLogGroup"));
    }

    @Test
    void alarmsWatchEverythingThatCanFailQuietly() {
        Map<String, Map<String, Object>> alarms = template.ofType("AWS::CloudWatch::Alarm");
        Set<String> watched = alarms.values().stream().flatMap(alarm -> {
            Map<String, Object> p = map(alarm.get("Properties"));
            List<String> metrics = new ArrayList<>();
            if (p.containsKey("MetricName")) {
                metrics.add(p.get("Namespace") + "/" + p.get("MetricName"));
            }
            for (Object m : list(p.getOrDefault("Metrics", List.of()))) {
                at(m, "MetricStat", "Metric").ifPresent(metric ->
                        metrics.add(map(metric).get("Namespace") + "/" + map(metric).get("MetricName")));
            }
            return metrics.stream();
        }).collect(Collectors.toSet());
        assertThat(watched).contains("AWS/SQS/ApproximateNumberOfMessagesVisible", "AWS/Lambda/Errors",
                "AWS/Lambda/Throttles", "AWS/ApiGateway/5xx", "AWS/DynamoDB/ReadThrottleEvents",
                "AWS/DynamoDB/WriteThrottleEvents");
        assertThat(alarms.values()).allSatisfy(alarm -> assertThat(at(alarm, "Properties", "AlarmActions")).contains(
                Map.of("Fn::If", List.of("HasAlarmTopic", List.of(ref("AlarmTopicArn")), ref("AWS::NoValue")))));
    }

    @Test
    void everyOutputAUserNeedsIsThere() {
        assertThat(map(template.root().get("Outputs")))
                .containsKeys("ApiUrl", "UploadBucketName", "ArticlesTableName", "IngestFailureQueueUrl");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Map<String, Object>> statementsBySid(String role) {
        Map<String, Map<String, Object>> bySid = new java.util.LinkedHashMap<>();
        for (Object policy : list(template.properties(role).get("Policies"))) {
            for (Object statement : list(at(policy, "PolicyDocument", "Statement").orElseThrow())) {
                bySid.put((String) map(statement).get("Sid"), map(statement));
            }
        }
        return bySid;
    }

    private static Set<String> actions(Map<String, Object> statement) {
        return list(statement.get("Action")).stream().map(String.class::cast).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void assertBucketArn(Object resource, String suffix) {
        List<Object> sub = list(map(resource).get("Fn::Sub"));
        assertThat(sub.get(0)).isEqualTo("arn:${AWS::Partition}:s3:::${Bucket}" + suffix);
        // exactly the name expression the bucket itself uses
        assertThat(map(sub.get(1)).get("Bucket")).isEqualTo(template.properties("UploadBucket").get("BucketName"));
        assertThat(list(map(map(sub.get(1)).get("Bucket")).get("Fn::If")).get(1)).isEqualTo(ref("UploadBucketName"));
    }

    private static void assertRetained(String logicalId) {
        Map<String, Object> resource = template.resource(logicalId);
        assertThat(resource.get("DeletionPolicy")).as(logicalId).isEqualTo("Retain");
        assertThat(resource.get("UpdateReplacePolicy")).as(logicalId).isEqualTo("Retain");
    }
}
