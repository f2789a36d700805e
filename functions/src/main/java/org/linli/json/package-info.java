/**
 * JSON in and out, by the Jackson tree model only: no bean introspection on the cold path, and
 * every input field is read explicitly so that each problem becomes a precise field error.
 */
package org.linli.json;
