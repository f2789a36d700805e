/**
 * The photo bucket: its objects through the SDK's S3 client (S3PhotoObjects), and what the
 * functions sign themselves with Signature Version 4 - upload forms (POST policies: the SDK has
 * none) and presigned GET links (SigV4Signer; docs/performance.md says why not S3Presigner).
 */
package org.linli.adapters.s3;
