package dev.troubleticket.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Checks an adapter's partial reading of a provider record (only the fields its neutral mapping looks at,
 * the others skipped unread) against the full reading: on a document and on every variant
 * {@link ReaderEquivalence#variants} makes of it, what the neutral side makes of the partial reading must
 * equal what it makes of the full one whenever the full reading succeeds; and where only the full reading
 * fails, the variant must have changed a field outside {@code mapped} (a malformed field the mapping reads
 * fails both). With the lenient reading ({@link ReaderEquivalence}) neither reading fails on a change to one
 * field, so {@link #onlyPartialRead()} stays zero: a typed list keeps what a neutral list keeps.
 */
public final class PartialReadingCheck {
    /** What the neutral side makes of a document read one way; throws when the reading fails. */
    @FunctionalInterface
    public interface Reading {
        Object read(String json) throws Exception;
    }

    private final Set<String> mapped;
    private final Reading full;
    private final Reading partial;
    private int bothMapped;
    private int onlyPartialRead;

    /**
     * @param mapped  the JSON names of the top-level fields the partial reading reads
     * @param full    the neutral result of the full reading
     * @param partial the neutral result of the partial reading
     */
    public PartialReadingCheck(Set<String> mapped, Reading full, Reading partial) {
        this.mapped = mapped;
        this.full = full;
        this.partial = partial;
    }

    /** Checks {@code json} and each of its variants; answers this check, its counts updated. */
    public PartialReadingCheck check(String json) throws Exception {
        for (ReaderEquivalence.Variant variant : ReaderEquivalence.variants(json)) {
            Object whole = outcome(full, variant.json());
            Object read = outcome(partial, variant.json());
            if (!(whole instanceof Throwable)) {
                assertThat(read).as("%s: read fully it maps; read partially it must map the same", variant.description())
                        .isEqualTo(whole);
                bothMapped++;
            } else if (!(read instanceof Throwable)) {
                String field = variant.path() == null ? null : variant.path().split("/")[1];
                assertThat(field).as("%s: only a malformed field can fail the full reading alone (%s)",
                        variant.description(), whole).isNotNull();
                assertThat(mapped).as("%s: a field the mapping reads fails both readings", variant.description())
                        .doesNotContain(field);
                onlyPartialRead++;
            }
        }
        return this;
    }

    /** Variants that both readings mapped, the same. */
    public int bothMapped() {
        return bothMapped;
    }

    /** Variants with a malformed unmapped field: refused by the full reading, mapped by the partial one. */
    public int onlyPartialRead() {
        return onlyPartialRead;
    }

    private static Object outcome(Reading reading, String json) {
        try {
            return reading.read(json);
        } catch (Exception | AssertionError failure) {
            return failure;
        }
    }

    /**
     * Checks, component by component, a record read whole and partially from a document that gives every
     * field: a mapped component is read as the full reading reads it; any other is left unread, as
     * {@code unread} says for it (default {@code null}).
     *
     * @param wireName the JSON name of a component
     */
    public static void checkComponents(Record whole, Record partial, Set<String> mapped, UnaryOperator<String> wireName,
                                       Map<String, Object> unread) throws Exception {
        for (RecordComponent component : whole.getClass().getRecordComponents()) {
            String name = wireName.apply(component.getName());
            Object full = component.getAccessor().invoke(whole);
            Object read = component.getAccessor().invoke(partial);
            if (mapped.contains(name)) {
                assertThat(read).as(name).isNotNull().isEqualTo(full);
            } else {
                assertThat(full).as(name + " is given in the document").isNotNull().isNotEqualTo(unread.get(name));
                assertThat(read).as(name + " is not mapped: left unread").isEqualTo(unread.get(name));
            }
        }
    }
}
