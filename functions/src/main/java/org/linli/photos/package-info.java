/**
 * Photos (随手拍) and evidence: upload grants, the validation of uploaded bytes (type, dimensions,
 * decoding, re-encoding without EXIF/XMP), which photos a write may name, and short-lived links
 * for the viewers allowed to see them. Ports: {@link org.linli.photos.PhotoStore} (the records),
 * {@link org.linli.photos.PhotoObjects} (the bytes), {@link org.linli.photos.PhotoSigner}
 * (upload forms and download links). docs/photos.md tells the lifecycle.
 */
package org.linli.photos;
