package dev.shop.localstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering every module keeps, checked on the compiled classes of the whole shop: no package depends on a
 * package that depends back on it; the business rules never see a cloud SDK; the runtime's core never needs its AWS
 * or Redis adapters.
 */
class ArchitectureTest {

    static JavaClasses shop;

    @BeforeAll
    static void importClasses() {
        shop = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.shop");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.shop.(**)").should().beFreeOfCycles().check(shop);
    }

    @Test
    void businessRulesNeverImportACloudSdkOrATrigger() {
        noClasses().that().resideInAPackage("dev.shop..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("com.amazonaws..", "software.amazon..",
                        "org.springframework.cloud.function.adapter..", "org.springframework.cloud.stream..",
                        "dev.shop.runtime.aws..", "org.apache.kafka..")
                .check(shop);
    }

    @Test
    void theRuntimesCoreNeedsNeitherItsAwsNorItsRedisAdapter() {
        noClasses().that().resideInAPackage("dev.shop.runtime..")
                .and().resideOutsideOfPackages("dev.shop.runtime.aws..", "dev.shop.runtime.redis..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shop.runtime.aws..", "dev.shop.runtime.redis..",
                        "com.amazonaws..", "software.amazon..", "io.lettuce..")
                .check(shop);
    }
}
