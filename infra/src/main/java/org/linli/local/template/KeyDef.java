package org.linli.local.template;

/**
 * An AWS::KMS::Key: its key id (what {@code Ref} gives) and ARN ({@code Fn::GetAtt Key.Arn}), and
 * whether it is enabled. The local KMS (local.kms.FakeKms) serves symmetric keys only.
 */
public record KeyDef(String logicalId, String keyId, String arn, boolean enabled) {}
