/** The users table: profiles and grant history, refresh sessions, unionid links, Open311 API keys, WeChat subscriptions ({@link org.linli.adapters.dynamo.users.UsersKeys}). */
package org.linli.adapters.dynamo.users;
