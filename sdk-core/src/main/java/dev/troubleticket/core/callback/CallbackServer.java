package dev.troubleticket.core.callback;

/** A running embedded server that hands the callbacks it receives to a {@link CallbackHandler}. */
public interface CallbackServer extends AutoCloseable {

    /** The port it listens on. */
    int port();

    /** Stops at once; a provider whose request is cut sends it again. */
    @Override
    void close();
}
