/**
 * WeChat's server API over HTTPS (jscode2session). The base URL is configuration, so the local
 * cloud and the tests point it at the fake WeChat server in infra/; WeChat's error codes become
 * domain exceptions here.
 */
package org.linli.adapters.wechat;
