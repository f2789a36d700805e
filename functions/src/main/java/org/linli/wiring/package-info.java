/**
 * The composition root: {@link org.linli.wiring.Wiring} reads the function's environment (each
 * variable of template.yaml in one place) and builds every port and domain service on first use,
 * one Wiring per function environment. The clock is the environment's.
 */
package org.linli.wiring;
