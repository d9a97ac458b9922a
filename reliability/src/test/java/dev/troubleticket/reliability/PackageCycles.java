package dev.troubleticket.reliability;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.cycle_detection.Cycle;
import com.tngtech.archunit.library.cycle_detection.CycleDetector;
import com.tngtech.archunit.library.cycle_detection.Cycles;
import com.tngtech.archunit.library.cycle_detection.Edge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package cycles among some classes: each package is a node, a class of one package that uses a class of
 * another (field, signature, call, inheritance, annotation value, class literal) is an edge. Every package is its own
 * node, so a cycle between a package and its sub-package ({@code kosc} and {@code kosc.internal}) counts like one
 * between siblings. ArchUnit reads the class files and enumerates the elementary cycles (Johnson's algorithm).
 */
final class PackageCycles {

    private final Map<String, List<String>> examplesByCycle;
    private final boolean truncated;

    private PackageCycles(Map<String, List<String>> examplesByCycle, boolean truncated) {
        this.examplesByCycle = examplesByCycle;
        this.truncated = truncated;
    }

    static PackageCycles of(JavaClasses classes) {
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> packages.add(c.getPackageName()));
        // One edge per ordered pair of packages, with the first class dependency seen as its example.
        Map<PackageEdge, String> edges = new LinkedHashMap<>();
        for (JavaClass origin : classes) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                String from = origin.getPackageName();
                String to = target.getPackageName();
                if (!from.equals(to) && packages.contains(to) && classes.contain(target.getName())) {
                    edges.putIfAbsent(new PackageEdge(from, to), dependency.getDescription());
                }
            }
        }
        Cycles<PackageEdge> cycles = CycleDetector.detectCycles(packages, edges.keySet());
        Map<String, List<String>> examplesByCycle = new TreeMap<>();
        for (Cycle<PackageEdge> cycle : cycles) {
            List<PackageEdge> path = startingAtSmallestPackage(cycle.getEdges());
            StringBuilder name = new StringBuilder(path.get(0).origin);
            List<String> examples = new ArrayList<>();
            for (PackageEdge edge : path) {
                name.append(" -> ").append(edge.target);
                examples.add(edges.get(edge));
            }
            examplesByCycle.put(name.toString(), examples);
        }
        return new PackageCycles(examplesByCycle, cycles.maxNumberOfCyclesReached());
    }

    /** Each cycle as {@code a -> b -> a}, starting at its alphabetically first package, so that one cycle has one name. */
    Set<String> names() {
        return Collections.unmodifiableSet(examplesByCycle.keySet());
    }

    /** One class dependency per step of the cycle, to show where to cut it. */
    List<String> examples(String cycle) {
        return examplesByCycle.get(cycle);
    }

    /** True when ArchUnit stopped enumerating at its limit, so that more cycles may exist than were named. */
    boolean truncated() {
        return truncated;
    }

    private static List<PackageEdge> startingAtSmallestPackage(List<PackageEdge> cycle) {
        int start = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (cycle.get(i).origin.compareTo(cycle.get(start).origin) < 0) {
                start = i;
            }
        }
        List<PackageEdge> rotated = new ArrayList<>(cycle.subList(start, cycle.size()));
        rotated.addAll(cycle.subList(0, start));
        return rotated;
    }

    private record PackageEdge(String origin, String target) implements Edge<String> {
        @Override
        public String getOrigin() {
            return origin;
        }

        @Override
        public String getTarget() {
            return target;
        }
    }
}
