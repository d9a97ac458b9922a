package dev.troubleticket.reliability;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The library's classes as ArchUnit reads them: every {@code dev.troubleticket} class on the class path but tests. */
final class LibraryClasses {
    private static JavaClasses classes;

    private LibraryClasses() {
    }

    /** Read once per run, for the checks that need them. */
    static synchronized JavaClasses all() {
        if (classes == null) {
            classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    // A module's test-jar (sdk-store-jdbc's EmbeddedDatabase) is a jar in a reactor build: not library.
                    .withImportOption(location -> !location.contains("-tests.jar"))
                    .importPackages("dev.troubleticket");
        }
        return classes;
    }
}
