package dev.troubleticket.reliability.cyclefixture.leaf;

/** Used by another package and using none: part of no cycle. */
public final class Leaf {
}
