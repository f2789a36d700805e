/**
 * The Lambda runtime, emulated in this JVM: handler classes loaded from the classpath, constructed
 * and invoked inside {@code org.linli.config.Env.scoped} with the function's environment, events
 * and results (de)serialised exactly as the Java runtime does (aws-lambda-java-serialization), a
 * small pool of handler instances per function, a {@code Context} with the template's memory and
 * timeout. {@link org.linli.local.lambda.LambdaRuntime} is the entry point.
 */
package org.linli.local.lambda;
