package dev.troubleticket.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ticketctl} launcher at the repository root rebuilds when a source is newer than its last build, and
 * never because of build output under {@code target/} (JMH's generated sources after {@code mvn verify}): run on a
 * copy of itself in a temporary tree, with a {@code mvn} and a {@code java} on the path that only record their call.
 */
class LauncherRebuildTest {
    private static final Path LAUNCHER = Path.of("..", "ticketctl");

    @ParameterizedTest(name = "with git: {0}")
    @ValueSource(booleans = {true, false})
    void rebuildsForANewerSourceButNotForNewerBuildOutput(boolean git, @TempDir Path tree) throws Exception {
        Files.copy(LAUNCHER, tree.resolve("ticketctl"));
        Files.createDirectories(tree.resolve("examples"));
        Files.copy(LAUNCHER.resolveSibling("examples").resolve("launcher.sh"), tree.resolve("examples/launcher.sh"));
        Path bin = Files.createDirectories(tree.resolve("fake-bin"));
        Path calls = tree.resolve("mvn-calls");
        script(bin.resolve("mvn"), "echo mvn >> '" + calls + "'");
        script(bin.resolve("java"), "exit 0");
        Path source = write(tree.resolve("sdk-core/src/main/java/A.java"), "class A {}");
        write(tree.resolve("pom.xml"), "<project/>");
        write(tree.resolve("examples/target/ticketctl.jar"), "");
        Path stamp = write(tree.resolve("examples/target/ticketctl.stamp"), "");
        if (git) {
            write(tree.resolve(".gitignore"), "target/\nfake-bin/\nmvn-calls\n");
            run(tree, bin, "git", "init", "-q");
            run(tree, bin, "git", "add", ".");
        }
        Instant built = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(source, FileTime.from(built.minusSeconds(60)));
        Files.setLastModifiedTime(tree.resolve("pom.xml"), FileTime.from(built.minusSeconds(60)));
        Files.setLastModifiedTime(stamp, FileTime.from(built));
        // What mvn verify leaves behind: generated sources under target/, newer than the launcher's build.
        write(tree.resolve("benchmarks/target/generated-sources/annotations/Generated_jmh.java"), "class G {}");

        run(tree, bin, "./ticketctl", "--version");
        assertThat(Files.exists(calls)).as("no rebuild for build output").isFalse();

        Files.setLastModifiedTime(source, FileTime.from(Instant.now()));
        run(tree, bin, "./ticketctl", "--version");
        assertThat(Files.readAllLines(calls)).as("a rebuild for a changed source").containsExactly("mvn");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void run(Path dir, Path bin, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
