/** PhotosKeys and the photo store on PhotosTable (docs/data-model.md, docs/photos.md). */
package org.linli.adapters.dynamo.photos;
