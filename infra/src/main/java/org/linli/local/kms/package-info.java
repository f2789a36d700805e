/** A local KMS for the keys of the template (AWS::KMS::Key): GenerateDataKey, Decrypt, Encrypt, DescribeKey. */
package org.linli.local.kms;
