package dev.troubleticket.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Builds {@code mvn -Prelease} for sdk-core and the BOM, as a release would, and checks what Maven Central asks of
 * the result: sources and javadoc jars, a signature on every file that verifies, no {@code internal} package in the
 * Javadoc, no remote link in it, and the POM elements Central requires.
 *
 * <p>The build runs in a copy of the POMs and sdk-core's main sources, so that it never writes into the tree the
 * surrounding build is using, and signs with a key made for this test in a temporary GnuPG home, so that no real key
 * is needed or touched.
 */
class ReleaseArtifactsTest {
    private static final String MODULE = "sdk-core";
    private static final String BOM = "troubleticket-bom";
    private static final String KEY_USER = "Release Check <release-check@example.invalid>";

    private static Path work;
    private static Path copy;
    private static Path gnupgHome;
    private static String keyFingerprint;
    private static String buildLog;

    @BeforeAll
    static void buildTheReleaseProfileSignedWithAThrowAwayKey() throws Exception {
        Path root = Path.of(System.getProperty("release.check.root", "..")).toRealPath();
        work = Files.createTempDirectory("release-check");
        copy = work.resolve("tree");
        copySources(root, copy);

        // gpg-agent's socket lives in the home: a short path keeps it under the socket path limit.
        gnupgHome = Files.createTempDirectory(Path.of("/tmp"), "gpg");
        Files.setPosixFilePermissions(gnupgHome, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        run(List.of("gpg", "--batch", "--passphrase", "", "--quick-gen-key", KEY_USER, "ed25519", "sign", "never"), work);
        keyFingerprint = fingerprint(run(List.of("gpg", "--batch", "--with-colons", "--list-secret-keys"), work));

        buildLog = run(List.of(maven(), "-B", "-Prelease", "-Dmaven.test.skip=true", "-Dgpg.keyname=" + keyFingerprint,
                "-pl", BOM + "," + MODULE, "-am", "verify"), copy);
    }

    @AfterAll
    static void removeTheKeyAndTheCopy() throws Exception {
        if (gnupgHome != null) {
            ProcessBuilder kill = new ProcessBuilder("gpgconf", "--kill", "gpg-agent");
            kill.environment().put("GNUPGHOME", gnupgHome.toString());
            kill.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            deleteTree(gnupgHome);
        }
        if (work != null) {
            deleteTree(work);
        }
    }

    @Test
    void sourcesAndJavadocJarsAreAttachedAndHoldTheirFiles() throws IOException {
        Path sources = artifact(MODULE, "-sources.jar");
        Path javadoc = artifact(MODULE, "-javadoc.jar");

        assertThat(entries(sources)).contains("dev/troubleticket/core/TicketingClient.java", "module-info.java");
        assertThat(entries(javadoc)).contains("index.html", "dev.troubleticket.core/dev/troubleticket/core/TicketingClient.html");
    }

    @Test
    void javadocLeavesOutEveryInternalPackage() throws IOException {
        List<String> javadoc = entries(artifact(MODULE, "-javadoc.jar"));
        // The sources do have internal packages: the jar would hold them without the exclusion.
        assertThat(entries(artifact(MODULE, "-sources.jar"))).anyMatch(name -> name.contains("/internal/"));

        assertThat(javadoc).noneMatch(name -> name.contains("/internal/"));
        assertThat(javadoc).noneMatch(name -> name.contains(".internal"));
    }

    @Test
    void javadocLinksToNoPublishedJavadocOutsideTheJar() throws IOException {
        try (ZipFile jar = new ZipFile(artifact(MODULE, "-javadoc.jar").toFile())) {
            // TicketingClient's page names JDK types (AutoCloseable, List...): with links they would be hrefs.
            String page = read(jar, "dev.troubleticket.core/dev/troubleticket/core/TicketingClient.html");
            assertThat(page).contains("AutoCloseable");
            for (ZipEntry entry : jar.stream().filter(e -> e.getName().endsWith(".html")).toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(html).as(entry.getName()).doesNotContain("href=\"https://docs.oracle.com")
                            .doesNotContain("/api/java.base/");
                }
            }
        }
    }

    @Test
    void everyReleasedFileIsSignedAndTheSignaturesVerify() throws Exception {
        Map<String, List<String>> expected = Map.of(
                MODULE, List.of(".jar", "-sources.jar", "-javadoc.jar", ".pom"),
                BOM, List.of(".pom"));
        for (Map.Entry<String, List<String>> module : expected.entrySet()) {
            for (String suffix : module.getValue()) {
                Path file = suffix.equals(".pom") ? pom(module.getKey()) : artifact(module.getKey(), suffix);
                Path signature = find(module.getKey(), p -> p.getFileName().toString().endsWith(suffix + ".asc")
                        && !(suffix.equals(".jar") && (p.toString().endsWith("-sources.jar.asc")
                                || p.toString().endsWith("-javadoc.jar.asc") || p.toString().endsWith("-tests.jar.asc"))));

                String verified = run(List.of("gpg", "--batch", "--status-fd", "1", "--verify", signature.toString(),
                        file.toString()), work);
                assertThat(verified).as(signature.toString()).contains("[GNUPG:] GOODSIG").contains(keyFingerprint);
            }
        }
    }

    @Test
    void theLibraryPomHasWhatCentralRequires() throws Exception {
        String effective = run(List.of(maven(), "-B", "-q", "-pl", MODULE, "help:effective-pom",
                "-Doutput=" + work.resolve("effective-pom.xml")), copy);
        Document pom = parse(work.resolve("effective-pom.xml"));
        String repository = text(parse(copy.resolve("pom.xml")).getDocumentElement(), "properties", "project.repository.url");

        Element project = pom.getDocumentElement();
        assertThat(text(project, "name")).as(effective).isNotBlank();
        assertThat(text(project, "description")).isNotBlank();
        assertThat(text(project, "url")).isEqualTo(repository);
        assertThat(text(project, "licenses", "license", "name")).isEqualTo("Apache-2.0");
        assertThat(text(project, "licenses", "license", "url")).startsWith("https://www.apache.org/licenses/LICENSE-2.0");
        assertThat(text(project, "developers", "developer", "name")).isNotBlank();
        assertThat(text(project, "scm", "connection")).isEqualTo("scm:git:" + repository + ".git");
        assertThat(text(project, "scm", "developerConnection")).isEqualTo("scm:git:" + repository + ".git");
        assertThat(text(project, "scm", "url")).isEqualTo(repository);
        assertThat(text(project, "issueManagement", "url")).isEqualTo(repository + "/issues");
    }

    @Test
    void theBomManagesEveryLibraryModuleAndNothingElse() throws Exception {
        Element bom = parse(pom(BOM)).getDocumentElement();

        assertThat(bom.getElementsByTagName("parent").getLength()).as("an imported BOM brings no parent").isZero();
        List<String> managed = new ArrayList<>();
        NodeList dependencies = ((Element) bom.getElementsByTagName("dependencyManagement").item(0))
                .getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(text(dependency, "groupId")).isEqualTo("dev.troubleticket");
            managed.add(text(dependency, "artifactId"));
        }
        assertThat(managed).containsExactlyInAnyOrder("sdk-core", "sdk-kosc", "sdk-masstack", "sdk-nexera",
                "sdk-listener-jetty", "sdk-store-jdbc", "sdk-micrometer", "sdk-opentelemetry", "sdk-testkit",
                "troubleticket-spring-boot-starter");
        assertThat(text(bom, "licenses", "license", "name")).isEqualTo("Apache-2.0");
        assertThat(text(bom, "scm", "url")).isNotBlank();
        assertThat(text(bom, "developers", "developer", "name")).isNotBlank();
    }

    // --- the build ---

    private static void copySources(Path root, Path target) throws IOException {
        Files.createDirectories(target);
        Files.copy(root.resolve("pom.xml"), target.resolve("pom.xml"));
        String parent = Files.readString(root.resolve("pom.xml"));
        java.util.regex.Matcher modules = java.util.regex.Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (modules.find()) {
            Path module = root.resolve(modules.group(1));
            Files.createDirectories(target.resolve(modules.group(1)));
            Files.copy(module.resolve("pom.xml"), target.resolve(modules.group(1)).resolve("pom.xml"));
        }
        Path main = root.resolve(MODULE).resolve("src/main");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(MODULE).resolve(root.resolve(MODULE).relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String maven() {
        String home = System.getProperty("release.check.maven.home", "");
        Path mvn = Path.of(home, "bin", "mvn");
        return !home.isBlank() && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
    }

    /** Runs a command with the test's GnuPG home; its output, or a failure showing it. */
    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", gnupgHome.toString());
        Path output = Files.createTempFile(work, "out", ".log");
        Process process = builder.redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended && process.exitValue() == 0)
                .as("%s ended with %s:%n%s", command, ended ? process.exitValue() : "no exit (killed)", text).isTrue();
        return text;
    }

    private static String fingerprint(String colons) {
        return colons.lines().filter(line -> line.startsWith("fpr:")).findFirst()
                .map(line -> line.split(":")[9])
                .orElseThrow(() -> new AssertionError("no key listed:\n" + colons));
    }

    // --- the results ---

    private static Path target(String module) {
        return copy.resolve(module).resolve("target");
    }

    private static Path artifact(String module, String suffix) throws IOException {
        Path jar = find(module, p -> p.getParent().equals(target(module)) && p.getFileName().toString().startsWith(module + "-")
                && p.getFileName().toString().endsWith(suffix)
                && (!suffix.equals(".jar") || !p.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar")));
        assertThat(Files.size(jar)).as(jar.toString()).isPositive();
        return jar;
    }

    /** The POM that is installed and signed: the flattened one where the module flattens its POM. */
    private static Path pom(String module) {
        Path flattened = copy.resolve(module).resolve(".flattened-pom.xml");
        return Files.exists(flattened) ? flattened : copy.resolve(module).resolve("pom.xml");
    }

    private static Path find(String module, java.util.function.Predicate<Path> test) throws IOException {
        try (Stream<Path> files = Files.walk(target(module))) {
            List<Path> found = files.filter(Files::isRegularFile).filter(test).toList();
            assertThat(found).as("in %s (build log:%n%s)", target(module), buildLog).hasSize(1);
            return found.get(0);
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    private static String read(ZipFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    /** The text of the first element down this path of direct children, or {@code null}. */
    private static String text(Element from, String... path) {
        Element at = from;
        for (String name : path) {
            Element next = null;
            for (Node child = at.getFirstChild(); child != null && next == null; child = child.getNextSibling()) {
                if (child instanceof Element element && element.getTagName().equals(name)) {
                    next = element;
                }
            }
            if (next == null) {
                return null;
            }
            at = next;
        }
        return at.getTextContent().trim();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
