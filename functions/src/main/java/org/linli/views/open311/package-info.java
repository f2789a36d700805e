/** GeoReport v2 answers: discovery, service requests, tokens, the specification's error list; JSON or Spark XML. */
package org.linli.views.open311;
