/**
 * Who is calling: WeChat mini-program login (the {@code wx.login} code exchanged through the
 * {@link org.linli.identity.WeChatLogin} port), short-lived RS256 access tokens, rotating refresh
 * sessions, roles and territory scope. Keys come from deployment configuration, never the repo.
 */
package org.linli.identity;
