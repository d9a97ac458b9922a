package dev.troubleticket.reliability.cyclefixture.inner.deeper;

import dev.troubleticket.reliability.cyclefixture.inner.Inner;

/** Closes {@code inner <-> inner.deeper}: the shape of {@code internal <-> internal.events}. */
public final class Deeper {
    public Object parent() {
        return Inner.class;
    }
}
