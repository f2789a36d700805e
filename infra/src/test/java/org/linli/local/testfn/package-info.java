/**
 * Tiny Lambda handlers that the test template (src/test/resources/test-template.yaml) names; they
 * record what they receive in static fields so that integration tests can look.
 */
package org.linli.local.testfn;
