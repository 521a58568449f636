package dev.ferry.engine.rule.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS services and the closest Azure built-in roles, read backwards from EDGES.md §1.10. Approximations for a human to
 * choose from: Ferry names the candidates, it never assigns a role.
 */
final class AwsRoleHints {

    /** AWS service prefix (as in {@code s3:GetObject} or a managed policy name) → Azure role candidates. */
    static final Map<String, String> BY_SERVICE = Map.ofEntries(
            Map.entry("s3", "Storage Blob Data Reader (read) or Storage Blob Data Contributor (write) on the storage account or container"),
            Map.entry("secretsmanager", "Key Vault Secrets User (read) or Key Vault Secrets Officer (write) on the Key Vault"),
            Map.entry("ssm", "Key Vault Secrets User (parameters holding secrets) or App Configuration Data Reader / Owner"),
            Map.entry("kms", "Key Vault Crypto User on the key"),
            Map.entry("acm", "Key Vault Certificate User on the Key Vault"),
            Map.entry("sqs", "Storage Queue Data Contributor, or Azure Service Bus Data Sender / Receiver"),
            Map.entry("sns", "Azure Service Bus Data Sender (topics) or EventGrid Data Sender"),
            Map.entry("events", "EventGrid Data Sender"),
            Map.entry("dynamodb", "Storage Table Data Reader / Contributor (or a Cosmos DB data-plane role)"),
            Map.entry("kinesis", "Azure Event Hubs Data Sender / Receiver"),
            Map.entry("kafka-cluster", "Azure Event Hubs Data Sender / Receiver"),
            Map.entry("elasticfilesystem", "Storage File Data SMB Share Reader / Contributor"),
            Map.entry("ecr", "AcrPull (or AcrPush) on the registry"),
            Map.entry("cloudwatch", "Monitoring Metrics Publisher"),
            Map.entry("logs", "Monitoring Metrics Publisher / a data collection rule for Log Analytics"),
            Map.entry("aps", "Monitoring Metrics Publisher on the Azure Monitor workspace's data collection rule"),
            Map.entry("xray", "Application Insights (connection string; no role needed for ingestion)"),
            Map.entry("appconfig", "App Configuration Data Reader"),
            Map.entry("route53", "DNS Zone Contributor on the Azure DNS zone"));

    /** Managed-policy name fragments (lower case) → service prefix. */
    private static final Map<String, String> POLICY_NAMES = Map.ofEntries(
            Map.entry("amazons3", "s3"), Map.entry("secretsmanager", "secretsmanager"),
            Map.entry("amazonssm", "ssm"), Map.entry("amazonsqs", "sqs"), Map.entry("amazonsns", "sns"),
            Map.entry("dynamodb", "dynamodb"), Map.entry("kinesis", "kinesis"),
            Map.entry("elasticfilesystem", "elasticfilesystem"), Map.entry("containerregistry", "ecr"),
            Map.entry("cloudwatchagent", "cloudwatch"), Map.entry("cloudwatch", "cloudwatch"),
            Map.entry("prometheus", "aps"), Map.entry("xray", "xray"), Map.entry("eventbridge", "events"),
            Map.entry("route53", "route53"), Map.entry("wellknownpolicies.externaldns", "route53"),
            Map.entry("wellknownpolicies.certmanager", "route53"));

    private AwsRoleHints() {
    }

    /** Service prefix → Azure role candidates, for the policies and actions found in the manifests. */
    static Map<String, String> hints(List<String> policies) {
        Map<String, String> hints = new TreeMap<>();
        for (String policy : policies) {
            String service = service(policy);
            if (service != null && BY_SERVICE.containsKey(service)) {
                hints.put(service, BY_SERVICE.get(service));
            }
        }
        return hints;
    }

    private static String service(String policy) {
        String lower = policy.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("arn:") && !lower.startsWith("wellknownpolicies.") && lower.contains(":")) {
            return lower.substring(0, lower.indexOf(':'));
        }
        String name = lower.startsWith("wellknownpolicies.") ? lower : lower.substring(lower.lastIndexOf('/') + 1);
        return POLICY_NAMES.entrySet().stream().filter(e -> name.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
