package dev.troubleticket.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code [profile NAME]} section of the {@link ConfigFile}: its keys checked as they are read, its secrets read
 * from their file or environment variable only when asked for, so that a secret a flag or a {@code TICKETCTL_*}
 * variable gives is never looked for.
 */
final class Profile {
    private enum Source { VALUE, FILE, ENV }

    private record Entry(String text, int line, Source source) {
    }

    private final String name;
    private final Path file;
    private final int line;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    Profile(String name, Path file, int line) {
        this.name = name;
        this.file = file;
        this.line = line;
    }

    /** The profile's name. */
    String name() {
        return name;
    }

    /** The line of its section header. */
    int line() {
        return line;
    }

    /** Adds a {@code key = value} line, refusing what the file may not hold. */
    void add(String key, String value, int number) {
        Source source = Source.VALUE;
        String base = key;
        if (key.endsWith("-file")) {
            source = Source.FILE;
            base = key.substring(0, key.length() - "-file".length());
        } else if (key.endsWith("-env")) {
            source = Source.ENV;
            base = key.substring(0, key.length() - "-env".length());
        }
        boolean setting = base.startsWith(ProfileKeys.SETTING) && base.length() > ProfileKeys.SETTING.length();
        if (!setting && ProfileKeys.of(base) == null) {
            throw unknownKey(key, number);
        }
        boolean secret = ProfileKeys.isSecret(base);
        if (secret && source == Source.VALUE) {
            throw ConfigFile.problem(file, number, "'" + key + "' is a secret and may not be written in the config file; name it "
                    + "with " + key + "-env = VARIABLE or " + key + "-file = PATH, or give " + ProfileKeys.alternatives(key));
        }
        if (!secret && source != Source.VALUE) {
            throw ConfigFile.problem(file, number, "'" + key + "': only secrets are read from a file or an environment variable; "
                    + "write " + base + " = VALUE");
        }
        Entry earlier = entries.get(base);
        if (earlier != null) {
            throw ConfigFile.problem(file, number, "'" + base + "' is given twice in profile '" + name + "' (first on line "
                    + earlier.line() + ")");
        }
        if (value.isEmpty()) {
            throw ConfigFile.problem(file, number, "'" + key + "' has no value");
        }
        if (base.equals("timeout") && ConnectionOptions.seconds(value) == null) {
            throw ConfigFile.problem(file, number, "timeout wants a number of seconds greater than 0 (30, 2.5), not '" + value + "'");
        }
        if (base.equals("allow-insecure-http") && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw ConfigFile.problem(file, number, "allow-insecure-http wants true or false, not '" + value + "'");
        }
        entries.put(base, new Entry(value, number, source));
    }

    private UsageException unknownKey(String key, int number) {
        List<String> names = ProfileKeys.names();
        String close = Suggestions.closest(key, names);
        return ConfigFile.problem(file, number, "unknown key '" + key + "' in profile '" + name + "'"
                + (close == null ? "" : " (did you mean '" + close + "'?)") + "; keys: " + String.join(", ", names)
                + ", and KEY-env / KEY-file for the secrets");
    }

    /** Whether the profile gives {@code key}. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /**
     * The value of {@code key}, {@code null} when the profile does not give it; a secret is read now from its
     * environment variable (in {@code env}) or its file.
     */
    String value(String key, Map<String, String> env) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        return switch (entry.source()) {
            // A path in the file means the same wherever ticketctl is run from.
            case VALUE -> key.equals("service-account") ? path(entry.text(), env).toString() : entry.text();
            case ENV -> {
                String value = env.get(entry.text());
                if (value == null || value.isEmpty()) {
                    throw ConfigFile.problem(file, entry.line(), key + "-env names " + entry.text() + ", which is not set");
                }
                yield value;
            }
            case FILE -> read(key, entry, env);
        };
    }

    private String read(String key, Entry entry, Map<String, String> env) {
        Path secret = path(entry.text(), env);
        try {
            // The file's last line break is not part of the secret (echo and editors add one).
            String value = Files.readString(secret, StandardCharsets.UTF_8).replaceFirst("\\R\\z", "");
            if (value.isEmpty()) {
                throw ConfigFile.problem(file, entry.line(), key + "-file " + secret + " is empty");
            }
            return value;
        } catch (NoSuchFileException e) {
            throw ConfigFile.problem(file, entry.line(), key + "-file: no such file: " + secret);
        } catch (IOException e) {
            throw ConfigFile.problem(file, entry.line(), key + "-file: cannot read " + secret);
        }
    }

    /** {@code ~/...} under HOME; a relative path beside the config file. */
    private Path path(String text, Map<String, String> env) {
        String home = env.get("HOME");
        if ((text.equals("~") || text.startsWith("~/")) && home != null) {
            return Path.of(home, text.substring(1).replaceFirst("^/", ""));
        }
        Path path = Path.of(text);
        Path folder = file.toAbsolutePath().getParent();
        return path.isAbsolute() || folder == null ? path : folder.resolve(path);
    }

    /** Where a key's value comes from, for {@code config show}: {@code profile lab line 4 (password-env KOSC_PASSWORD)}. */
    String origin(String key) {
        Entry entry = entries.get(key);
        String where = "profile " + name + " line " + entry.line();
        return switch (entry.source()) {
            case VALUE -> where;
            case ENV -> where + " (" + key + "-env " + entry.text() + ")";
            case FILE -> where + " (" + key + "-file " + entry.text() + ")";
        };
    }

    /** The names of the adapter settings it gives ({@code setting.NAME}), in the file's order. */
    List<String> settingNames() {
        return entries.keySet().stream().filter(k -> k.startsWith(ProfileKeys.SETTING))
                .map(k -> k.substring(ProfileKeys.SETTING.length())).toList();
    }

    /** Whether {@code allow-insecure-http = true}. */
    boolean allowsInsecureHttp() {
        Entry entry = entries.get("allow-insecure-http");
        return entry != null && entry.text().toLowerCase(Locale.ROOT).equals("true");
    }
}
