package org.linli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/architecture.md, checked on the compiled classes of every build. The
 * domain is every package that is not an edge: not handlers, adapters, http, views (presenters),
 * config or wiring - so a new feature package is held to the domain's rules without a change here.
 */
@AnalyzeClasses(packages = "org.linli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] EDGES = {"org.linli.handlers..", "org.linli.adapters..", "org.linli.http..",
            "org.linli.views..", "org.linli.config..", "org.linli.wiring.."};
    private static final String AWS_SDK = "software.amazon..";
    private static final String LAMBDA = "com.amazonaws.services.lambda..";

    /** Every package is its own slice: org.linli.territory and org.linli.territory.imports may not need each other. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.linli.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainKnowsNoLambdaSdkHttpOrWiring = noClasses().that().resideOutsideOfPackages(EDGES)
            .should().dependOnClassesThat().resideInAnyPackage(AWS_SDK, LAMBDA, "org.linli.handlers..", "org.linli.adapters..",
                    "org.linli.http..", "org.linli.views..", "org.linli.config..", "org.linli.wiring..")
            .because("the domain speaks in its own ports and exceptions (docs/architecture.md)");

    @ArchTest
    static final ArchRule handlersReachAwsThroughAdapters = noClasses().that().resideInAPackage("org.linli.handlers..")
            .should().dependOnClassesThat().resideInAPackage(AWS_SDK)
            .because("a handler asks the wiring for ports; only adapters (and config.AwsClients) speak to the SDK");

    @ArchTest
    static final ArchRule nothingDependsOnHandlers = noClasses().that().resideOutsideOfPackage("org.linli.handlers..")
            .should().dependOnClassesThat().resideInAPackage("org.linli.handlers..")
            .because("handlers are the outermost layer: the classes template.yaml names");
}
