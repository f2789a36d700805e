/** What the local AWS JSON 1.1 services (Secrets Manager, KMS) share: a loopback HTTP server and the AWS JSON error shape. */
package org.linli.local.awsjson;
