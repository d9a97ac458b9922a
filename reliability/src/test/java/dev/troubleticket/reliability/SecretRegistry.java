package dev.troubleticket.reliability;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets the suite configured (passwords, client secrets, callback secrets, private-key text,
 * tokens seen on the wire). After each test class, every log line captured so far (DEBUG and up) is
 * searched for them: a class whose run logged one fails.
 */
final class SecretRegistry implements AfterAllCallback {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    /** Remembers secrets to search for. */
    static void register(List<String> secrets) {
        secrets.stream().filter(s -> s != null && s.length() >= 6).forEach(SECRETS::add);
    }

    /** The lines of {@code text} that hold a registered secret (named by a short, harmless prefix). */
    static List<String> leaksIn(String text) {
        List<String> found = new ArrayList<>();
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                found.add("secret starting '" + secret.substring(0, 3) + "...'");
            }
        }
        return found;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = new ArrayList<>();
        for (String line : CapturedLogs.lines()) {
            for (String leak : leaksIn(line)) {
                leaks.add(leak + " in a line of " + line.substring(0, Math.min(60, line.indexOf(' ') + 1)));
            }
        }
        assertThat(leaks).as("log lines holding a configured secret").isEmpty();
    }
}
