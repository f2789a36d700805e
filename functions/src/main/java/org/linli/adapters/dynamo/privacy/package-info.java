/** The access-log table: who was shown whose personal data ({@link org.linli.adapters.dynamo.privacy.AccessLogKeys}). */
package org.linli.adapters.dynamo.privacy;
