/** Views of upload grants, photos and their short-lived links. */
package org.linli.views.photos;
