package dev.troubleticket.reliability;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library modules' descriptors ({@code module-info.java}), read from the class files on this suite's class
 * path: every library package is in a module that declares its exports, an {@code internal} package is exported
 * to none but the SDK's own modules, and the library runs on the module path.
 */
class LibraryModulesTest {

    private static final String SDK_MODULE_PREFIX = "dev.troubleticket.";

    @Test
    void everyLibraryPackageIsInAModuleWithADescriptor() throws IOException {
        Set<String> described = new TreeSet<>();
        libraryModules().values().forEach(d -> described.addAll(d.packages()));
        Set<String> packages = new TreeSet<>();
        LibraryClasses.all().stream().map(JavaClass::getPackageName).forEach(packages::add);

        assertThat(packages).as("library packages").isNotEmpty();
        assertThat(described).as("packages of the library modules' descriptors").containsAll(packages);
    }

    @Test
    void internalPackagesAreExportedToTheSdksOwnModulesOnly() throws IOException {
        Map<String, ModuleDescriptor> modules = libraryModules();
        List<String> leaks = new ArrayList<>();
        int internalPackages = 0;
        for (ModuleDescriptor module : modules.values()) {
            for (String pkg : module.packages()) {
                if (!isInternal(pkg)) {
                    continue;
                }
                internalPackages++;
                for (ModuleDescriptor.Exports export : module.exports()) {
                    if (!export.source().equals(pkg)) {
                        continue;
                    }
                    if (!export.isQualified()) {
                        leaks.add(module.name() + " exports " + pkg + " to everyone");
                    } else {
                        export.targets().stream().filter(target -> !target.startsWith(SDK_MODULE_PREFIX))
                                .forEach(target -> leaks.add(module.name() + " exports " + pkg + " to " + target));
                    }
                }
            }
        }
        assertThat(internalPackages).as("internal packages seen").isPositive();
        assertThat(leaks).isEmpty();
    }

    @Test
    void theLibraryWorksOnTheModulePath() throws Exception {
        Map<String, Path> locations = moduleLocationsOnTheClassPath();
        Set<String> roots = new TreeSet<>(libraryModules().keySet());
        List<String> modulePath = new ArrayList<>();
        for (String name : requiredClosure(roots, locations)) {
            modulePath.add(locations.get(name).toString());
        }
        Path driverClasses = Path.of(ModulePathDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path out = Files.createTempFile("module-path", ".txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--add-modules", String.join(",", roots),
                "-cp", driverClasses.toString(),
                ModulePathDriver.class.getName());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean ended = child.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);

        assertThat(ended).as("the module-path run ended; output:%n%s", output).isTrue();
        assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("module path: [").contains("against module dev.troubleticket.core");
    }

    /** The SDK's named modules on the class path, by name, from their {@code module-info.class}. */
    private static Map<String, ModuleDescriptor> libraryModules() throws IOException {
        Map<String, ModuleDescriptor> modules = new LinkedHashMap<>();
        Enumeration<URL> descriptors = LibraryModulesTest.class.getClassLoader().getResources("module-info.class");
        while (descriptors.hasMoreElements()) {
            // Found through its location, so that the descriptor lists every package of the module, not only
            // those its exports and opens name (a class file's descriptor alone may not record the others).
            for (ModuleReference reference : ModuleFinder.of(locationOf(descriptors.nextElement())).findAll()) {
                ModuleDescriptor descriptor = reference.descriptor();
                if (descriptor.name().startsWith(SDK_MODULE_PREFIX)) {
                    modules.put(descriptor.name(), descriptor);
                }
            }
        }
        assertThat(modules).as("the SDK's module descriptors").isNotEmpty();
        return modules;
    }

    /** The class-path entry (directory or jar) that holds a {@code module-info.class}. */
    private static Path locationOf(URL descriptor) throws IOException {
        try {
            if ("jar".equals(descriptor.getProtocol())) {
                String jar = descriptor.getPath().substring(0, descriptor.getPath().indexOf("!/"));
                return Path.of(new URI(jar));
            }
            return Path.of(descriptor.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("unreadable location " + descriptor, e);
        }
    }

    private static boolean isInternal(String pkg) {
        return pkg.endsWith(".internal") || pkg.contains(".internal.");
    }

    /** Every module (named or automatic) that a class path entry holds, by name, with the entry. */
    private static Map<String, Path> moduleLocationsOnTheClassPath() {
        Map<String, Path> locations = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) && !Files.exists(path.resolve("module-info.class"))) {
                continue; // a directory of classes without a descriptor (this suite's) is no module
            }
            try {
                for (ModuleReference reference : ModuleFinder.of(path).findAll()) {
                    locations.putIfAbsent(reference.descriptor().name(), path);
                }
            } catch (FindException notAModule) {
                // a jar whose name gives no module name: not one the library needs
            }
        }
        return locations;
    }

    /** The roots and every module they require, transitively, that the JDK does not provide. */
    private static Set<String> requiredClosure(Set<String> roots, Map<String, Path> locations) {
        Set<String> needed = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(roots);
        ModuleFinder system = ModuleFinder.ofSystem();
        while (!next.isEmpty()) {
            String name = next.pop();
            if (needed.contains(name) || system.find(name).isPresent()) {
                continue;
            }
            Path location = locations.get(name);
            assertThat(location).as("module %s on the class path", name).isNotNull();
            needed.add(name);
            ModuleDescriptor descriptor = ModuleFinder.of(location).find(name).orElseThrow().descriptor();
            for (ModuleDescriptor.Requires requires : descriptor.requires()) {
                if (!requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                    next.add(requires.name());
                }
            }
        }
        return needed;
    }
}
