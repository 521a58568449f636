package dev.ferry.engine.settings;

import dev.ferry.engine.Direction;
import java.util.List;

/** Every key {@code settings.yaml} understands, per direction: the reference the README and the app's editor show. */
public final class SettingsCatalog {

    /** Both directions: add-on CRDs to carry although the target's platform normally installs them. */
    private static final SettingKey CRDS_CARRY = new SettingKey("crds.carry", "CustomResourceDefinitions (by name, "
            + "or by API group for all of a group) of cluster add-ons to carry anyway; by default Ferry leaves them to "
            + "the target's own add-on or Helm chart.", "none (add-on CRDs are not carried)",
            "[certificates.cert-manager.io, keda.sh]");

    private static final List<SettingKey> AKS_TO_EKS = List.of(
            new SettingKey("direction", "Which way the migration goes.", "aks-to-eks", "aks-to-eks"),
            new SettingKey("aws.accountId", "12-digit AWS account that will own the EKS cluster, its ECR and IAM roles.",
                    "", "111122223333"),
            new SettingKey("aws.region", "AWS region of the target cluster.", "", "eu-west-1"),
            new SettingKey("aws.clusterName", "Name of the target EKS cluster (Karpenter discovery tags, role names).",
                    "", "shop-eks"),
            new SettingKey("identity.mode", "How pods get AWS credentials: IRSA annotations or EKS Pod Identity associations.",
                    "irsa", "pod-identity"),
            new SettingKey("identity.oidcProvider", "The cluster's IAM OIDC provider, for IRSA trust policies.",
                    "", "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"),
            new SettingKey("identity.roleNamePattern", "IAM role name per ServiceAccount.",
                    "{cluster}-{namespace}-{serviceAccount}", "{cluster}-{namespace}-{serviceAccount}"),
            new SettingKey("registry.map", "ACR login server → ECR registry host. Unlisted *.azurecr.io hosts go to the account's ECR.",
                    "every *.azurecr.io → ACCOUNT.dkr.ecr.REGION.amazonaws.com",
                    "{shopacr.azurecr.io: 111122223333.dkr.ecr.eu-west-1.amazonaws.com}"),
            new SettingKey("ingress.controller", "alb translates AGIC Ingresses to the AWS Load Balancer Controller; keep-nginx leaves ingress-nginx alone.",
                    "alb", "keep-nginx"),
            new SettingKey("ingress.certificates", "Application Gateway certificate name → ACM certificate ARN.",
                    "", "{shop-tls: arn:aws:acm:eu-west-1:111122223333:certificate/abcd}"),
            new SettingKey("storage.classMap", "Source StorageClass name → target StorageClass name, overriding the tier mapping.",
                    "tier mapping of EDGES.md §4.8", "{managed-csi-premium: gp3}"),
            new SettingKey("storage.kmsKeyId", "KMS key ARN for EBS classes that replace an Azure disk encryption set.",
                    "", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
            new SettingKey("storage.efsFileSystemId", "EFS file system for classes translated from Azure Files.",
                    "", "fs-0123456789abcdef0"),
            new SettingKey("secrets.nameMap", "Key Vault object (vault/object or object) → Secrets Manager secret name.",
                    "the Key Vault object name", "{shop-kv/db-password: prod/shop/db}"),
            new SettingKey("zones", "Azure zone → AWS availability zone.", "", "{westeurope-1: eu-west-1a}"),
            CRDS_CARRY);

    private static final List<SettingKey> EKS_TO_AKS = List.of(
            new SettingKey("direction", "Which way the migration goes.", "aks-to-eks", "eks-to-aks"),
            new SettingKey("azure.subscriptionId", "Subscription that will own the AKS cluster; the identity script "
                    + "selects it with `az account set`.", "the az CLI's current subscription", "00000000-0000-0000-0000-000000000000"),
            new SettingKey("azure.tenantId", "Entra tenant of the workload identities.", "", "00000000-0000-0000-0000-000000000000"),
            new SettingKey("azure.resourceGroup", "Resource group of the target cluster.", "", "shop-rg"),
            new SettingKey("azure.location", "Azure region of the target cluster.", "", "westeurope"),
            new SettingKey("azure.clusterName", "Name of the target AKS cluster.", "", "shop-aks"),
            new SettingKey("registry.acrLoginServer", "ACR login server images move to.", "", "shopacr.azurecr.io"),
            new SettingKey("identity.clientIds", "namespace/serviceAccount → Workload ID client id (namespace `default` "
                    + "when the manifest has none). Missing ones get a placeholder and an action-required finding.",
                    "", "{shop/cart: 00000000-...}"),
            new SettingKey("ingress.controller", "agic (Application Gateway Ingress Controller), agc (Application Gateway "
                    + "for Containers) or keep-nginx (leave ingress-nginx Ingresses alone).", "agic", "agc"),
            new SettingKey("ingress.certificates", "ACM certificate ARN → certificate name on the Application Gateway "
                    + "(imported from Key Vault).", "", "{arn:aws:acm:eu-west-1:111122223333:certificate/abcd: shop-cert}"),
            new SettingKey("storage.classMap", "Source StorageClass name → target StorageClass name.", "tier mapping", "{gp3: managed-csi-premium}"),
            new SettingKey("storage.premiumV2", "Map gp3/io1/io2 to Premium SSD v2 (true) or Premium SSD (false).",
                    "true", "false"),
            new SettingKey("storage.diskEncryptionSetId", "ARM id of the disk encryption set that replaces an EBS kmsKeyId.",
                    "", "/subscriptions/.../diskEncryptionSets/shop-des"),
            new SettingKey("autoscaling.mode", "node-pools writes `az aks nodepool add` commands; nap translates "
                    + "Karpenter NodePools for AKS Node Auto Provisioning.", "node-pools", "nap"),
            new SettingKey("zones", "AWS availability zone → Azure zone.", "", "{eu-west-1a: westeurope-1}"),
            new SettingKey("keyVault.names", "Secrets Manager / SSM name prefix → Key Vault name; the longest matching "
                    + "prefix wins and `*` catches the rest.", "", "{prod/: shop-kv, \"*\": shop-kv}"),
            CRDS_CARRY);

    private SettingsCatalog() {
    }

    public static List<SettingKey> keys(Direction direction) {
        return direction == Direction.AKS_TO_EKS ? AKS_TO_EKS : EKS_TO_AKS;
    }
}
