package dev.ferry.engine.rule.identity;

/**
 * Common Azure built-in roles and the closest least-privilege AWS IAM actions, as a Markdown table (EDGES.md §1.10).
 * The mappings are functional approximations for a human to choose from; Ferry never picks one itself.
 */
final class AzureRoleHints {

    static final String SOURCE = "Role names and IDs: https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/"
            + "role-based-access-control/built-in-roles.md ; AWS actions: the AWS service authorization reference.";

    static final String KMS_NOTE = "Add `kms:Decrypt` (and `kms:GenerateDataKey` for writes) whenever the AWS "
            + "resource is encrypted with a customer-managed KMS key.";

    static final String TABLE = """
| Azure built-in role | Role definition ID | Azure scope of data access | Closest AWS actions (resource) |
|---|---|---|---|
| Key Vault Secrets User | `4633458b-17de-408a-b874-0445c86b69e6` | read secret contents | `secretsmanager:GetSecretValue`, `secretsmanager:DescribeSecret` (secret ARN). For Parameter Store: `ssm:GetParameter`, `ssm:GetParameters`, `ssm:GetParametersByPath` (+`kms:Decrypt` for SecureString) |
| Key Vault Secrets Officer | `b86a8fe4-44ce-4948-aee5-eccb2c155cd7` | all secret operations except permission management | `secretsmanager:CreateSecret`, `PutSecretValue`, `UpdateSecret`, `DeleteSecret`, `RestoreSecret`, `TagResource`, `UntagResource`, `ListSecrets`, `GetSecretValue`, `DescribeSecret`, `RotateSecret` (not `PutResourcePolicy`) |
| Key Vault Reader | `21090545-7ca7-4776-b22c-e363652d74d2` | metadata only, no secret values | `secretsmanager:ListSecrets`, `secretsmanager:DescribeSecret`, `kms:ListKeys`, `kms:DescribeKey`, `acm:ListCertificates`, `acm:DescribeCertificate` |
| Key Vault Crypto User | `12338af0-0e69-4776-bea7-57ae8d297424` | cryptographic operations with keys | `kms:Encrypt`, `kms:Decrypt`, `kms:ReEncrypt*`, `kms:GenerateDataKey*`, `kms:Sign`, `kms:Verify`, `kms:DescribeKey`, `kms:GetPublicKey` (key ARN) |
| Key Vault Crypto Service Encryption User | `e147488a-f6f5-4113-8e2d-b22465e65bf6` | read key metadata, wrap/unwrap | `kms:Encrypt`, `kms:Decrypt`, `kms:GenerateDataKey*`, `kms:DescribeKey` (often granted through a KMS key policy/grant to the service instead) |
| Key Vault Crypto Officer | `14b46e9e-c2b7-41b4-b07b-48a6ebf60603` | all key operations except permissions | `kms:CreateKey`, `kms:CreateAlias`, `kms:ScheduleKeyDeletion`, `kms:EnableKeyRotation`, `kms:TagResource` + crypto actions |
| Key Vault Certificate User | `db79e9a7-68ee-4b58-9aeb-b90e7c24fcba` | read certificate contents | `acm:GetCertificate` (public cert/chain); `acm:ExportCertificate` only for exportable/private-CA certs; or `secretsmanager:GetSecretValue` if the PEM is stored as a secret |
| Key Vault Certificates Officer | `a4417e6f-fecd-4de8-b567-7b0420556985` | manage certificates | `acm:RequestCertificate`, `acm:ImportCertificate`, `acm:DeleteCertificate`, `acm:DescribeCertificate`, `acm:ListCertificates`, `acm:AddTagsToCertificate` |
| Storage Blob Data Reader | `2a2b9908-6ea1-4ae2-8e65-a410df84e7d1` | read/list containers and blobs | `s3:GetObject` (objects ARN `arn:aws:s3:::bucket/*`), `s3:ListBucket`, `s3:GetBucketLocation` (bucket ARN) |
| Storage Blob Data Contributor | `ba92f5b4-2d11-453d-a403-e96b0029c9fe` | read/write/delete containers and blobs | Reader actions + `s3:PutObject`, `s3:DeleteObject`, `s3:AbortMultipartUpload`, `s3:ListMultipartUploadParts`, `s3:ListBucketMultipartUploads` |
| Storage Blob Data Owner | `b7e6dc6d-f1e8-4753-8033-0f276bb0955b` | full access incl. POSIX ACLs | Contributor actions + `s3:PutObjectAcl`, `s3:GetObjectAcl`, `s3:PutObjectTagging`, `s3:GetObjectTagging` (bucket-policy management is closer to `s3:PutBucketPolicy`, which Owner-in-Azure does not include at data plane) |
| Storage Queue Data Contributor | `974c5e8b-45b9-4653-ba55-5f855dd0fb88` | read/write/delete queues and messages | `sqs:SendMessage`, `sqs:ReceiveMessage`, `sqs:DeleteMessage`, `sqs:ChangeMessageVisibility`, `sqs:GetQueueAttributes`, `sqs:GetQueueUrl`, `sqs:PurgeQueue` (+`sqs:CreateQueue`/`DeleteQueue` if the app manages queues) |
| Storage Queue Data Message Sender | `c6a89b2d-59bc-44d0-9896-0f6e12d7b80a` | add messages | `sqs:SendMessage`, `sqs:GetQueueUrl` |
| Storage Queue Data Message Processor | `8a0f0c08-91a1-4084-bc3d-661d67233fed` | peek/receive/delete messages | `sqs:ReceiveMessage`, `sqs:DeleteMessage`, `sqs:ChangeMessageVisibility`, `sqs:GetQueueAttributes`, `sqs:GetQueueUrl` |
| Storage Queue Data Reader | `19e7f393-937e-4f77-808e-94535e297925` | read/list queues and peek | `sqs:GetQueueAttributes`, `sqs:ListQueues` (SQS has no non-destructive peek; `ReceiveMessage` changes visibility) |
| Storage Table Data Reader | `76199698-9eea-4c19-bc75-cec21354c6b6` | read tables/entities | `dynamodb:GetItem`, `dynamodb:BatchGetItem`, `dynamodb:Query`, `dynamodb:Scan`, `dynamodb:DescribeTable` |
| Storage Table Data Contributor | `0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3` | read/write/delete tables/entities | Reader actions + `dynamodb:PutItem`, `UpdateItem`, `DeleteItem`, `BatchWriteItem` |
| Storage File Data SMB Share Reader | `aba4ae5f-2193-4029-9191-0cb91df5e314` | read files over SMB | EFS IAM authorization: `elasticfilesystem:ClientMount` (read-only) |
| Storage File Data SMB Share Contributor | `0c867c2a-1d8c-454a-a3db-ab2ea1bdc8bb` | read/write/delete files over SMB | `elasticfilesystem:ClientMount`, `elasticfilesystem:ClientWrite` |
| Azure Service Bus Data Sender | `69a216fc-b8fb-44d8-bc22-1f3c2cd27a39` | send | queues: `sqs:SendMessage`; topics: `sns:Publish` |
| Azure Service Bus Data Receiver | `4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0` | receive | `sqs:ReceiveMessage`, `sqs:DeleteMessage`, `sqs:ChangeMessageVisibility`, `sqs:GetQueueAttributes` |
| Azure Service Bus Data Owner | `090c5cfd-751d-490a-894a-3ce6f1109419` | full data access | `sqs:*` / `sns:*` scoped to the queue/topic ARNs |
| Azure Event Hubs Data Sender | `2b629674-e913-4c01-ae53-ef4638d8f975` | send | Kinesis: `kinesis:PutRecord`, `kinesis:PutRecords`, `kinesis:DescribeStreamSummary`; MSK IAM: `kafka-cluster:Connect`, `kafka-cluster:WriteData`, `kafka-cluster:DescribeTopic` |
| Azure Event Hubs Data Receiver | `a638d3c7-ab3a-418d-83e6-5f17a39d4fde` | receive | Kinesis: `kinesis:GetRecords`, `kinesis:GetShardIterator`, `kinesis:DescribeStream*`, `kinesis:ListShards`, `kinesis:SubscribeToShard`; MSK IAM: `kafka-cluster:Connect`, `ReadData`, `DescribeTopic`, `AlterGroup`, `DescribeGroup` |
| EventGrid Data Sender | `d5a91429-5739-47e2-a06b-3470a27159e7` | publish events | `events:PutEvents` (EventBridge) or `sns:Publish` |
| App Configuration Data Reader | `516239f1-63e1-4d78-a4de-a74fb236a071` | read key-values | AppConfig: `appconfig:StartConfigurationSession`, `appconfig:GetLatestConfiguration`; or `ssm:GetParameter*` |
| App Configuration Data Owner | `5ae67dd6-50cb-40e7-96ff-dc2bfa4b606b` | read/write key-values | `ssm:PutParameter`, `ssm:DeleteParameter`, `ssm:GetParameter*` (or AppConfig create/update actions) |
| AcrPull | `7f951dda-4ed3-4680-a7ca-43fe172d538d` | pull images | `ecr:GetAuthorizationToken` (Resource `*`), `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer`, `ecr:BatchCheckLayerAvailability` (repo ARN); AWS managed policy `AmazonEC2ContainerRegistryPullOnly` (or older `AmazonEC2ContainerRegistryReadOnly`) |
| AcrPush | `8311e382-0749-4cb8-b61a-304f252e45ec` | push and pull | AcrPull actions + `ecr:InitiateLayerUpload`, `ecr:UploadLayerPart`, `ecr:CompleteLayerUpload`, `ecr:PutImage` (managed: `AmazonEC2ContainerRegistryPowerUser`) |
| AcrDelete | `c2f4ef07-c644-48eb-af81-4b1b4947fb11` | delete repos/tags/manifests | `ecr:BatchDeleteImage`, `ecr:DeleteRepository` |
| Container Registry Repository Reader (ABAC-enabled ACR) | `b93aa761-3e63-49ed-ac28-beffa264f7ac` | repo-scoped pull | same as AcrPull, scoped to repository ARNs |
| Monitoring Metrics Publisher | `3913510d-42f4-4e42-8a64-420c390055eb` | publish custom metrics | `cloudwatch:PutMetricData` |
| Reader (control plane) | `acdd72a7-3385-48ef-bd42-f606fba81ae7` | read all resources | AWS managed policy `ReadOnlyAccess` (or service-specific `Describe*`/`List*`) |
| Contributor (control plane) | `b24988ac-6180-42a0-ab88-20f7382dd24c` | manage resources, no role assignment | roughly `PowerUserAccess` (no IAM) — avoid for workloads |
            """;

    private AzureRoleHints() {
    }
}
