package dev.troubleticket.examples.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ticketctl}'s configuration file: named profiles of connection settings, read and never written. The file is
 * {@code --config FILE} (or {@code TICKETCTL_CONFIG}) when given, which must then exist; else
 * {@code $XDG_CONFIG_HOME/ticketctl/config}, else {@code $HOME/.config/ticketctl/config}, which may be absent.
 *
 * <pre>
 * # comment lines start with # or ;
 * default-profile = lab
 *
 * [profile lab]
 * provider = kosc
 * base-url = https://kosc.example
 * username = ops@example.com
 * password-env = KOSC_PASSWORD
 * setting.authVersion = v1
 * </pre>
 *
 * <p>A secret ({@link ProfileKeys#isSecret}) may not stand in the file as a value: it is named as {@code KEY-env = VARIABLE}
 * or {@code KEY-file = PATH}, read only when nothing stronger (a flag, a {@code TICKETCTL_*} variable) gives it. Every
 * mistake (a malformed line, an unknown key, a plain secret, an unknown profile) is a {@link UsageException} naming the
 * file and the line, and never showing the line's text, which might hold a secret.
 */
final class ConfigFile {
    /** The environment variable naming the file, as {@code --config} does. */
    static final String FILE_ENV = "TICKETCTL_CONFIG";
    /** The environment variable naming the profile, as {@code --profile} does. */
    static final String PROFILE_ENV = "TICKETCTL_PROFILE";

    private static final String DEFAULT_PROFILE = "default-profile";
    private static final Pattern SECTION = Pattern.compile("\\[\\s*profile\\s+([A-Za-z0-9._-]+)\\s*]");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path path;
    private final boolean exists;
    private final String defaultProfile;
    private final int defaultProfileLine;
    private final Map<String, Profile> profiles;

    private ConfigFile(Path path, boolean exists, String defaultProfile, int defaultProfileLine, Map<String, Profile> profiles) {
        this.path = path;
        this.exists = exists;
        this.defaultProfile = defaultProfile;
        this.defaultProfileLine = defaultProfileLine;
        this.profiles = Collections.unmodifiableMap(profiles);
    }

    /**
     * The file {@code option} (from {@code --config}) or {@code TICKETCTL_CONFIG} names, which must exist, else the
     * default one when it exists, else an empty configuration. Only the given environment is read (no system property),
     * so that a test's environment decides alone.
     */
    static ConfigFile locate(String option, Map<String, String> env) {
        String explicit = option != null ? option : env.get(FILE_ENV);
        if (explicit != null) {
            Path file = Path.of(explicit);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no such config file: " + explicit + " (" + (option != null ? "--config" : FILE_ENV) + ")");
            }
            return read(file);
        }
        Path file = defaultLocation(env);
        if (file == null || !Files.isRegularFile(file)) {
            return new ConfigFile(file, false, null, 0, new LinkedHashMap<>());
        }
        return read(file);
    }

    /** {@code $XDG_CONFIG_HOME/ticketctl/config}, else {@code $HOME/.config/ticketctl/config}; {@code null} with neither. */
    static Path defaultLocation(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG base directory specification says to ignore a relative value.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "ticketctl", "config");
        }
        String home = env.get("HOME");
        return home == null || home.isBlank() ? null : Path.of(home, ".config", "ticketctl", "config");
    }

    /** Reads and checks the whole file. */
    static ConfigFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such config file: " + file);
        } catch (MalformedInputException e) {
            throw new UsageException("config " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read config " + file + ": " + e.getMessage());
        }
        String defaultProfile = null;
        int defaultProfileLine = 0;
        Map<String, Profile> profiles = new LinkedHashMap<>();
        Profile current = null;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                Matcher section = SECTION.matcher(line);
                if (!section.matches()) {
                    throw problem(file, number, "a section is written [profile NAME], NAME made of letters, digits, '.', '_' and '-'");
                }
                String name = section.group(1);
                Profile earlier = profiles.get(name);
                if (earlier != null) {
                    throw problem(file, number, "profile '" + name + "' is given twice (first on line " + earlier.line() + ")");
                }
                current = new Profile(name, file, number);
                profiles.put(name, current);
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw problem(file, number, "not a 'key = value' line, a [profile NAME] section or a # comment");
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (current == null) {
                if (!key.equals(DEFAULT_PROFILE)) {
                    throw problem(file, number, "'" + key + "' stands before any [profile NAME] section; only " + DEFAULT_PROFILE
                            + " = NAME may stand there");
                }
                if (defaultProfile != null) {
                    throw problem(file, number, DEFAULT_PROFILE + " is given twice (first on line " + defaultProfileLine + ")");
                }
                if (!NAME.matcher(value).matches()) {
                    throw problem(file, number, DEFAULT_PROFILE + " wants a profile name");
                }
                defaultProfile = value;
                defaultProfileLine = number;
                continue;
            }
            current.add(key, value, number);
        }
        return new ConfigFile(file, true, defaultProfile, defaultProfileLine, profiles);
    }

    /** A mistake at a line of the file: the file, the line number and what to write instead, never the line's text. */
    static UsageException problem(Path file, int line, String message) {
        return new UsageException("config " + file + " line " + line + ": " + message);
    }

    /**
     * The profile {@code name} names (from {@code --profile} or {@code TICKETCTL_PROFILE}), else the file's
     * {@code default-profile}, else none ({@code null}).
     */
    Profile profile(String name) {
        if (name == null) {
            if (defaultProfile == null) {
                return null;
            }
            Profile chosen = profiles.get(defaultProfile);
            if (chosen == null) {
                throw problem(path, defaultProfileLine, DEFAULT_PROFILE + " '" + defaultProfile + "' names no profile; " + known());
            }
            return chosen;
        }
        Profile chosen = profiles.get(name);
        if (chosen != null) {
            return chosen;
        }
        if (!exists) {
            throw new UsageException("no profile '" + name + "': there is no config file"
                    + (path == null ? " (set HOME or XDG_CONFIG_HOME, or give --config FILE)" : " at " + path + " (or give --config FILE)"));
        }
        String close = Suggestions.closest(name, profiles.keySet());
        throw new UsageException("no profile '" + name + "' in " + path + (close == null ? "" : "; did you mean '" + close + "'?")
                + "; " + known());
    }

    private String known() {
        return profiles.isEmpty() ? "the file has no [profile NAME] section" : "known: " + String.join(", ", profiles.keySet());
    }

    /** The file read, or the default place looked at; {@code null} when there is none to look at. */
    Path path() {
        return path;
    }

    /** Whether a file was read. */
    boolean exists() {
        return exists;
    }

    /** The profiles in the file's order. */
    List<String> names() {
        return new ArrayList<>(profiles.keySet());
    }

    /** The {@code default-profile} line's name, or {@code null}. */
    String defaultProfile() {
        return defaultProfile;
    }
}
