/**
 * The shared kernel of the domain: named domain exceptions (what went wrong, never how it maps to
 * HTTP - that is the handlers' job), identifiers and time. No AWS, no Lambda, no HTTP here.
 */
package org.linli.core;
