package dev.troubleticket.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** HTTP basic authentication with a fixed user name and password. */
public final class BasicAuth implements AuthProvider {
    private final String username;
    private final String header;

    /** Sends {@code username} and {@code password} on every request; {@code toString()} never shows the password. */
    public BasicAuth(String username, String password) {
        this.username = Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        this.header = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String authorization() {
        return header;
    }

    @Override
    public String toString() {
        return "BasicAuth[username=" + username + ", password=****]";
    }
}
