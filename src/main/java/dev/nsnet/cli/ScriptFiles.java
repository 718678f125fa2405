package dev.nsnet.cli;

import dev.nsnet.scenario.Script;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
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
            if (file.isEmpty()) return fail(err, file, "No such file or directory", 127); // bash ''
            Path p = Path.of(file);
            if (Files.isDirectory(p)) return fail(err, file, "Is a directory", 126);
            try (InputStream in = Files.newInputStream(p)) {
                byte[] sample = in.readNBytes(BINARY_SAMPLE);
                if (isBinary(sample)) return fail(err, file, "cannot execute binary file", 126);
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                all.write(sample);
                in.transferTo(all);
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(all.toByteArray())).toString();
                Path name = p.getFileName();
                return new Loaded(Script.parse(name == null ? file : name.toString(), text), 0);
            }
        } catch (NoSuchFileException e) {
            return fail(err, file, "No such file or directory", 127);
        } catch (AccessDeniedException e) {
            return fail(err, file, "Permission denied", 126);
        } catch (java.nio.charset.CharacterCodingException e) {
            return fail(err, file, "not a UTF-8 text file", 126);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return fail(err, file, e.getMessage(), 126);
        }
    }

    /** How much of a script bash looks at to decide it is a binary file (shell.c: a NUL before the first newline). */
    static final int BINARY_SAMPLE = 80;

    /** bash's check_binary_file(): a NUL byte in the sample before its first newline. */
    static boolean isBinary(byte[] sample) {
        for (byte b : sample) {
            if (b == '\n') return false;
            if (b == 0) return true;
        }
        return false;
    }

    private static Loaded fail(PrintStream err, String file, String why, int status) {
        err.println("nsnet: " + file + ": " + why);
        err.flush();
        return new Loaded(null, status);
    }
}
