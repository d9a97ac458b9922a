package dev.troubleticket.reliability.cyclefixture.right;

import dev.troubleticket.reliability.cyclefixture.leaf.Leaf;
import dev.troubleticket.reliability.cyclefixture.left.Marked;

/** Returns the type that names it: {@code left <-> right}. Uses {@code leaf}, which uses nothing back. */
public final class Reader {
    public Marked read(Leaf leaf) {
        return null;
    }
}
