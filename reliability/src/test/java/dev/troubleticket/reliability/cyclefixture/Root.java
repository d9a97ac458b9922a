package dev.troubleticket.reliability.cyclefixture;

import dev.troubleticket.reliability.cyclefixture.inner.Inner;

/** A package that uses its own sub-package, which uses it back: the cycle a root class and its {@code internal} form. */
public final class Root {
    Inner inner;
}
