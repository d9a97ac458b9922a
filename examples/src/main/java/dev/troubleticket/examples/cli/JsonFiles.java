package dev.troubleticket.examples.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSON file named on the command line; what goes wrong is a {@link UsageException} a person can act on. */
final class JsonFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {
    }

    /** The JSON object in {@code file}: a missing, unreadable or malformed file, or one holding no object, is a usage error. */
    static JsonNode readObject(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (AccessDeniedException e) {
            throw new UsageException("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + ExitCodes.describe(e));
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException(malformed(file, e));
        }
        if (body == null || !body.isObject()) {
            throw new UsageException(file + " does not hold a JSON object");
        }
        return body;
    }

    /** "F is not valid JSON at line L, column C: what Jackson found", on one line, without its source excerpt. */
    static String malformed(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = e.getOriginalMessage() == null ? "" : ": " + e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", " ");
        return file + " is not valid JSON" + where + what;
    }
}
