package dev.troubleticket.reliability;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.troubleticket.core.TicketingClient;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No package of a library module depends on itself through other packages, except the cycles named in
 * {@value #ALLOWED}: the library classes on this suite's class path (every {@code dev.troubleticket} class that is
 * not a test) are read by ArchUnit, each package is a node, whatever its depth, so that a new cycle anywhere fails
 * without a list of packages to keep. An allowed cycle that no longer exists fails too, so that its line is deleted
 * by the change that removed it.
 */
class PackageCyclesTest {

    static final String ALLOWED = "package-cycles-allowed.txt";

    @Test
    void noLibraryPackageCycleExistsBeyondTheAllowedOnes() throws IOException {
        PackageCycles cycles = PackageCycles.of(LibraryClasses.all());
        assertThat(LibraryClasses.all().contain(TicketingClient.class)).as("the library classes were read").isTrue();
        assertThat(cycles.truncated()).as("more cycles exist than ArchUnit enumerates").isFalse();

        Set<String> unexpected = new TreeSet<>(cycles.names());
        unexpected.removeAll(allowed());
        StringBuilder report = new StringBuilder();
        for (String cycle : unexpected) {
            report.append('\n').append(cycle);
            cycles.examples(cycle).forEach(example -> report.append("\n    ").append(example));
        }
        assertThat(unexpected).as("package cycles (one class dependency per step):%s", report).isEmpty();
    }

    @Test
    void everyAllowedCycleStillExists() throws IOException {
        Set<String> gone = new TreeSet<>(allowed());
        gone.removeAll(PackageCycles.of(LibraryClasses.all()).names());
        assertThat(gone).as("cycles that no longer exist: delete their lines from %s", ALLOWED).isEmpty();
    }

    @Test
    void theCheckFindsCyclesBetweenSiblingsAndBetweenAPackageAndItsSubPackages() {
        String fixture = "dev.troubleticket.reliability.cyclefixture";
        JavaClasses classes = new ClassFileImporter().importPackages(fixture);

        PackageCycles cycles = PackageCycles.of(classes);

        assertThat(cycles.names()).containsExactlyInAnyOrder(
                fixture + " -> " + fixture + ".inner -> " + fixture,
                fixture + ".inner -> " + fixture + ".inner.deeper -> " + fixture + ".inner",
                fixture + ".left -> " + fixture + ".right -> " + fixture + ".left");
        assertThat(cycles.examples(fixture + ".left -> " + fixture + ".right -> " + fixture + ".left"))
                .hasSize(2)
                .allSatisfy(example -> assertThat(example).contains(fixture));
    }

    /** The allowed cycles: one per line as {@code a -> b -> a}, starting at the alphabetically first package. */
    private static Set<String> allowed() throws IOException {
        Set<String> allowed = new LinkedHashSet<>();
        try (InputStream in = PackageCyclesTest.class.getClassLoader().getResourceAsStream(ALLOWED)) {
            assertThat(in).as(ALLOWED).isNotNull();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    allowed.add(entry);
                }
            }
        }
        return allowed;
    }
}
