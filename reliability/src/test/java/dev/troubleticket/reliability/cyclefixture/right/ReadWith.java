package dev.troubleticket.reliability.cyclefixture.right;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** An annotation whose value names a class, like Jackson's {@code @JsonDeserialize(using = ...)}. */
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadWith {
    Class<?> value();
}
