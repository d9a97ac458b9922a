package dev.troubleticket.core.internal;

import java.util.Objects;

/**
 * The one rule behind every adapter's {@link dev.troubleticket.core.TicketingClient#unwrap(Class)}: the client
 * offers a fixed list of objects, its typed API first and then itself, and {@code unwrap} answers the first of
 * them that is an instance of the type asked for. So the typed API's class gives the typed API, the client's own
 * class (or an interface it implements) gives the client, and a type that neither is fails with an
 * {@link IllegalArgumentException} naming what is offered.
 */
public final class Unwrap {
    private Unwrap() {
    }

    /**
     * The first of {@code offered} that is a {@code type}.
     *
     * @param provider the provider id, for the message
     * @param offered  what the client offers, in order: its typed API, then the client itself
     * @throws IllegalArgumentException when none of {@code offered} is a {@code type}
     * @throws NullPointerException     when {@code type} is {@code null}
     */
    public static <T> T first(String provider, Class<T> type, Object... offered) {
        Objects.requireNonNull(type, "type");
        for (Object candidate : offered) {
            if (type.isInstance(candidate)) {
                return type.cast(candidate);
            }
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < offered.length; i++) {
            names.append(i == 0 ? "" : i == offered.length - 1 ? " and " : ", ").append(offered[i].getClass().getSimpleName());
        }
        throw new IllegalArgumentException(provider + " offers " + names + ", not " + type.getName());
    }
}
