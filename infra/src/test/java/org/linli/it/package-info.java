/**
 * Linli's own integration ({@code *IntegrationTest}: handlers against the embedded local cloud)
 * and end-to-end ({@code *EndToEndTest}: the whole local cloud over HTTP) tests, on the real
 * template.yaml with the demo territory. One cloud per test JVM, on free ports.
 */
package org.linli.it;
