package dev.troubleticket.core.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The setting keys an adapter's provider source reads, found in the text of its {@code settings.xxx("key")} calls, so
 * that a test can hold {@code TicketingProvider.settingKeys()} to what {@code create} really reads: a key read
 * but not declared would be warned about as unknown by a tool.
 */
public final class SettingKeysRead {
    private static final Pattern CALL = Pattern.compile("\\bsettings\\.(\\w+)\\(([^)]*)");
    private static final Pattern LITERAL = Pattern.compile("\\s*\"([^\"]+)\".*", Pattern.DOTALL);
    /** Calls that read no key. */
    private static final Set<String> KEYLESS = Set.of("transport");

    private SettingKeysRead() {
    }

    /**
     * The keys read in {@code source} (relative to the module's directory, where the build runs the tests).
     *
     * @throws AssertionError when a call reads a key that is not written as a string literal (the scan could not
     *     see it) or reads every value at once ({@code asMap})
     */
    public static Set<String> in(Path source) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new TreeSet<>();
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            if (KEYLESS.contains(call.group(1))) {
                continue;
            }
            Matcher literal = LITERAL.matcher(call.group(2));
            if (call.group(1).equals("asMap") || !literal.matches()) {
                throw new AssertionError(source + " reads a setting through '" + call.group() + "': write the key as a literal "
                        + "so that the check of settingKeys() sees it");
            }
            keys.add(literal.group(1));
        }
        return keys;
    }
}
