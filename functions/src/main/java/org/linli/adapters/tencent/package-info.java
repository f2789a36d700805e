/**
 * Tencent Cloud's API 3.0 over HTTPS: the TC3-HMAC-SHA256 request signature ({@link
 * org.linli.adapters.tencent.Tc3Signer}) and SMS's SendSms ({@link org.linli.adapters.tencent.TencentSms}).
 * The endpoint is configuration, so the local cloud points it at the fake SMS server in infra/.
 */
package org.linli.adapters.tencent;
