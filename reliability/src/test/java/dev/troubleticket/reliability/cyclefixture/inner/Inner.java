package dev.troubleticket.reliability.cyclefixture.inner;

import dev.troubleticket.reliability.cyclefixture.Root;
import dev.troubleticket.reliability.cyclefixture.inner.deeper.Deeper;

/** Uses its parent package back, and its own sub-package, which uses it back too. */
public final class Inner {
    public static Root root() {
        return null;
    }

    Deeper deeper;
}
