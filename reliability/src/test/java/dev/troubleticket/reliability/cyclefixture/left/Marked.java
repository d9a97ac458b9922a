package dev.troubleticket.reliability.cyclefixture.left;

import dev.troubleticket.reliability.cyclefixture.right.ReadWith;
import dev.troubleticket.reliability.cyclefixture.right.Reader;

/**
 * Names a class of {@code right} only in an annotation's value, as a model record names its reader in
 * {@code @JsonDeserialize(using = ...)}.
 */
@ReadWith(Reader.class)
public final class Marked {
}
