/**
 * The emulated AWS services the functions talk to and how they are set up: the
 * {@link org.linli.local.cloud.CloudBackend} (DynamoDB + SQS endpoints; embedded DynamoDB Local and
 * ElasticMQ by default), the {@link org.linli.local.cloud.Provisioner} that creates the template's
 * tables and queues on it, and SDK v2 clients pointed at local endpoints.
 */
package org.linli.local.cloud;
