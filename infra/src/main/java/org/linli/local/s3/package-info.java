/**
 * The local S3: S3Proxy (a real S3 API over a jclouds blob store, in memory or under
 * {@code --data-dir}) with what it leaves out added in front of it - browser-form POST uploads
 * checked against their POST policy as S3 checks them, and the buckets' ObjectCreated
 * notifications delivered to their queues as S3 event JSON. {@link org.linli.local.s3.EmbeddedS3}
 * is the entry point.
 */
package org.linli.local.s3;
