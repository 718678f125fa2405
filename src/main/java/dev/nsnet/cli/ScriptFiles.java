package dev.nsnet.cli;

import dev.nsnet.scenario.Script;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads a script file with bash's messages and statuses for files it cannot run. */
final class ScriptFiles {
    private ScriptFiles() { }

    /** A loaded script, or (script null) the status to exit with: 127 missing, 126 unreadable. */
    record Loaded(Script script, int status) { }

    /** The script in {@code file} ("-" = stdin); when it cannot be read, says why on {@code err}. */
    static Loaded load(String file, PrintStream err) {
        try {
            if (file.equals("-")) return new Loaded(Script.parse("-", RunCommand.readAll(System.in)), 0);
            Path p = Path.of(file);
            if (Files.isDirectory(p)) return fail(err, file, "Is a directory", 126);
            return new Loaded(Script.parse(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)), 0);
        } catch (NoSuchFileException e) {
            return fail(err, file, "No such file or directory", 127);
        } catch (AccessDeniedException e) {
            return fail(err, file, "Permission denied", 126);
        } catch (java.nio.charset.MalformedInputException e) {
            return fail(err, file, "not a UTF-8 text file", 126);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return fail(err, file, e.getMessage(), 126);
        }
    }

    private static Loaded fail(PrintStream err, String file, String why, int status) {
        err.println("nsnet: " + file + ": " + why);
        err.flush();
        return new Loaded(null, status);
    }
}
