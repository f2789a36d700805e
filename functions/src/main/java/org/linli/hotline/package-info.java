/**
 * The 12345 hotline platform (12345 政务服务便民热线) as a partner system: the signature its pushed
 * work orders (工单) carry. See docs/hotline.md.
 */
package org.linli.hotline;
