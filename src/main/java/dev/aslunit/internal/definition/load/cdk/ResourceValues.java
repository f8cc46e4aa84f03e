package dev.aslunit.internal.definition.load.cdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The values CloudFormation would give a resource's {@code Ref} and {@code Fn::GetAtt}, shaped as AWS
 * shapes them (a Lambda function's ARN, a queue's URL, a table's name...), built from the resource's
 * physical name property when the template sets one and from its logical id otherwise (lower-cased
 * for S3 buckets, whose names must be). Generated identifiers (a REST API's id, a security group's
 * id) are derived from the logical id by SHA-1, so they are the same on every run.
 */
final class ResourceValues {

    private ResourceValues() {
    }

    /**
     * {@code "Ref"} and the attribute names this resource type is known to have, to their values;
     * empty for a type whose values cannot be guessed (its tokens stay opaque).
     *
     * @param property a resource property resolved to text, or null when the template does not set it
     */
    static Map<String, String> of(String type, String logicalId, UnaryOperator<String> property, Environment env) {
        Map<String, String> v = new LinkedHashMap<>();
        String name;
        switch (type) {
            case "AWS::Lambda::Function":
                name = or(property.apply("FunctionName"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("lambda", "function:" + name));
                break;
            case "AWS::Lambda::Alias": {
                String alias = env.arn("lambda", "function:" + functionName(property.apply("FunctionName"), logicalId)
                        + ":" + or(property.apply("Name"), logicalId));
                v.put("Ref", alias);
                v.put("AliasArn", alias);
                break;
            }
            case "AWS::Lambda::Version": {
                String version = env.arn("lambda", "function:"
                        + functionName(property.apply("FunctionName"), logicalId) + ":1");
                v.put("Ref", version);
                v.put("FunctionArn", version);
                v.put("Version", "1");
                break;
            }
            case "AWS::SQS::Queue":
                name = or(property.apply("QueueName"), logicalId + fifo(property.apply("FifoQueue")));
                v.put("Ref", "https://sqs." + env.region() + "." + env.urlSuffix() + "/" + env.accountId() + "/" + name);
                v.put("QueueUrl", v.get("Ref"));
                v.put("Arn", env.arn("sqs", name));
                v.put("QueueName", name);
                break;
            case "AWS::SNS::Topic":
                name = or(property.apply("TopicName"), logicalId + fifo(property.apply("FifoTopic")));
                v.put("Ref", env.arn("sns", name));
                v.put("TopicArn", v.get("Ref"));
                v.put("TopicName", name);
                break;
            case "AWS::DynamoDB::Table":
            case "AWS::DynamoDB::GlobalTable":
                name = or(property.apply("TableName"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("dynamodb", "table/" + name));
                v.put("StreamArn", v.get("Arn") + "/stream/1970-01-01T00:00:00.000");
                break;
            case "AWS::StepFunctions::StateMachine":
                name = or(property.apply("StateMachineName"), logicalId);
                v.put("Ref", env.arn("states", "stateMachine:" + name));
                v.put("Arn", v.get("Ref"));
                v.put("Name", name);
                break;
            case "AWS::StepFunctions::Activity":
                name = or(property.apply("Name"), logicalId);
                v.put("Ref", env.arn("states", "activity:" + name));
                v.put("Arn", v.get("Ref"));
                v.put("Name", name);
                break;
            case "AWS::IAM::Role":
                name = or(property.apply("RoleName"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.globalArn("iam", env.accountId(), "role" + or(property.apply("Path"), "/") + name));
                v.put("RoleId", "AROA" + hex(logicalId, 17).toUpperCase(Locale.ROOT));
                break;
            case "AWS::S3::Bucket":
                name = or(property.apply("BucketName"), logicalId.toLowerCase(Locale.ROOT));
                v.put("Ref", name);
                v.put("Arn", "arn:" + env.partition() + ":s3:::" + name);
                v.put("DomainName", name + ".s3." + env.urlSuffix());
                v.put("RegionalDomainName", name + ".s3." + env.region() + "." + env.urlSuffix());
                v.put("DualStackDomainName", name + ".s3.dualstack." + env.region() + "." + env.urlSuffix());
                v.put("WebsiteURL", "http://" + name + ".s3-website-" + env.region() + "." + env.urlSuffix());
                break;
            case "AWS::Events::EventBus":
                name = or(property.apply("Name"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("events", "event-bus/" + name));
                v.put("Name", name);
                break;
            case "AWS::Events::Rule":
                name = or(property.apply("Name"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("events", "rule/" + name));
                break;
            case "AWS::Events::Connection":
                name = or(property.apply("Name"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("events", "connection/" + name + "/" + uuid(logicalId)));
                v.put("SecretArn", env.arn("secretsmanager", "secret:events!connection/" + name + "/"
                        + uuid(logicalId) + "-" + hex(logicalId + "/secret", 6)));
                break;
            case "AWS::Events::ApiDestination":
                name = or(property.apply("Name"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("events", "api-destination/" + name + "/" + uuid(logicalId)));
                break;
            case "AWS::Kinesis::Stream":
                name = or(property.apply("Name"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("kinesis", "stream/" + name));
                break;
            case "AWS::KinesisFirehose::DeliveryStream":
                name = or(property.apply("DeliveryStreamName"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("firehose", "deliverystream/" + name));
                break;
            case "AWS::ECS::Cluster":
                name = or(property.apply("ClusterName"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("ecs", "cluster/" + name));
                break;
            case "AWS::ECS::TaskDefinition":
                v.put("Ref", env.arn("ecs", "task-definition/" + or(property.apply("Family"), logicalId) + ":1"));
                v.put("TaskDefinitionArn", v.get("Ref"));
                break;
            case "AWS::Batch::JobQueue":
                v.put("Ref", env.arn("batch", "job-queue/" + or(property.apply("JobQueueName"), logicalId)));
                v.put("JobQueueArn", v.get("Ref"));
                break;
            case "AWS::Batch::JobDefinition":
                v.put("Ref", env.arn("batch", "job-definition/" + or(property.apply("JobDefinitionName"), logicalId)
                        + ":1"));
                break;
            case "AWS::CodeBuild::Project":
                name = or(property.apply("Name"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("codebuild", "project/" + name));
                break;
            case "AWS::Glue::Job":
            case "AWS::Glue::Crawler":
            case "AWS::Athena::WorkGroup":
                v.put("Ref", or(property.apply("Name"), logicalId));
                break;
            case "AWS::SSM::Parameter":
                v.put("Ref", or(property.apply("Name"), logicalId));
                if (property.apply("Value") != null) {
                    v.put("Value", property.apply("Value"));
                }
                break;
            case "AWS::SecretsManager::Secret":
                name = or(property.apply("Name"), logicalId);
                v.put("Ref", env.arn("secretsmanager", "secret:" + name + "-" + hex(logicalId, 6)));
                v.put("Id", v.get("Ref"));
                break;
            case "AWS::Logs::LogGroup":
                name = or(property.apply("LogGroupName"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("logs", "log-group:" + name + ":*"));
                break;
            case "AWS::KMS::Key":
                v.put("Ref", uuid(logicalId));
                v.put("KeyId", v.get("Ref"));
                v.put("Arn", env.arn("kms", "key/" + v.get("Ref")));
                break;
            case "AWS::ApiGateway::RestApi":
                v.put("Ref", hex(logicalId, 10));
                v.put("RestApiId", v.get("Ref"));
                v.put("RootResourceId", hex(logicalId + "/", 10));
                break;
            case "AWS::ApiGatewayV2::Api":
                v.put("Ref", hex(logicalId, 10));
                v.put("ApiId", v.get("Ref"));
                v.put("ApiEndpoint", "https://" + v.get("Ref") + ".execute-api." + env.region() + "." + env.urlSuffix());
                break;
            case "AWS::ApiGateway::Stage":
            case "AWS::ApiGatewayV2::Stage":
                v.put("Ref", or(property.apply("StageName"), logicalId));
                break;
            case "AWS::EKS::Cluster":
                name = or(property.apply("Name"), logicalId);
                v.put("Ref", name);
                v.put("Arn", env.arn("eks", "cluster/" + name));
                v.put("Endpoint", "https://" + hex(logicalId, 32).toUpperCase(Locale.ROOT) + ".gr7." + env.region()
                        + ".eks." + env.urlSuffix());
                break;
            case "AWS::EC2::VPC":
                v.put("Ref", "vpc-" + hex(logicalId, 17));
                v.put("VpcId", v.get("Ref"));
                break;
            case "AWS::EC2::Subnet":
                v.put("Ref", "subnet-" + hex(logicalId, 17));
                v.put("SubnetId", v.get("Ref"));
                break;
            case "AWS::EC2::SecurityGroup":
                v.put("Ref", "sg-" + hex(logicalId, 17));
                v.put("GroupId", v.get("Ref"));
                break;
            default:
                break;
        }
        return v;
    }

    /** A function's name from what a template gives as FunctionName: a name, or an ARN (possibly qualified). */
    private static String functionName(String nameOrArn, String fallback) {
        if (nameOrArn == null) {
            return fallback;
        }
        int at = nameOrArn.indexOf(":function:");
        if (at < 0) {
            return nameOrArn;
        }
        String rest = nameOrArn.substring(at + ":function:".length());
        int colon = rest.indexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    private static String fifo(String flag) {
        return "true".equals(flag) ? ".fifo" : "";
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** The first {@code length} hex digits of the SHA-1 of {@code seed}. */
    static String hex(String seed, int length) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.substring(0, Math.min(length, sb.length()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }

    /** A UUID-shaped identifier derived from {@code seed}. */
    static String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }
}
