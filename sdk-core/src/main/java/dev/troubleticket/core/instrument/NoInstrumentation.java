package dev.troubleticket.core.instrument;

/** The instrumentation that records nothing; the transport and the engine skip their hooks for it. */
final class NoInstrumentation implements Instrumentation {
    static final NoInstrumentation INSTANCE = new NoInstrumentation();

    private NoInstrumentation() {
    }

    @Override
    public String toString() {
        return "Instrumentation.none()";
    }
}
