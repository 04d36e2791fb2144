package com.callvault.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency directions of architecture.md, checked on the built classes of every module. */
class ModuleBoundariesTest {

    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("com.callvault");

    @Test
    void the_gateway_sees_only_the_contracts_of_the_command_and_query_sides() {
        noClasses().that().resideInAPackage("com.callvault.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("com.callvault.model..", "com.callvault.projection..")
            .check(classes);
    }

    @Test
    void the_contracts_know_nothing_of_spring_or_of_the_implementations() {
        noClasses().that().resideInAnyPackage("com.callvault.api..", "com.callvault.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.callvault.model..",
                "com.callvault.projection..", "com.callvault.gateway..")
            .check(classes);
    }

    @Test
    void the_command_model_does_not_reach_into_read_models() {
        noClasses().that().resideInAPackage("com.callvault.model..")
            .should().dependOnClassesThat().resideInAnyPackage("com.callvault.projection..", "com.callvault.query..")
            .check(classes);
    }
}
