/**
 * KMS for the registers' field encryption: its JSON 1.1 API over HTTP signed with SigV4 (the SDK's
 * kms module is not served at the project's BOM), and envelope encryption with cached data keys.
 */
package org.linli.adapters.kms;
