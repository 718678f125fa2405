package dev.nsnet.tools.jobs;

import dev.nsnet.kernel.core.Task;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell's job table (bash's jobs.c, as it behaves in a NON-interactive shell, which is how
 * scenario lines run): a job per {@code CMD &}, numbered from one more than the highest number in
 * use. A job that has ended is removed silently before the next command line runs (bash prints no
 * {@code Done} or {@code Terminated} lines in a script); only a death by a signal other than
 * SIGINT, SIGTERM or SIGPIPE is reported, as bash does, with the job's PID.
 */
public final class JobTable {
    /** One background job: its number, the task running it, and the command text bash shows. */
    public record Job(int number, Task task, String text) {
        public int pid() { return task.process.pid; }
    }

    private final List<Job> jobs = new ArrayList<>();

    public Job add(Task task, String text) {
        int n = 1;
        for (Job j : jobs) n = Math.max(n, j.number + 1);
        Job j = new Job(n, task, text);
        jobs.add(j);
        return j;
    }

    public List<Job> jobs() { return jobs; }

    public Job byNumber(int n) {
        for (Job j : jobs) if (j.number == n) return j;
        return null;
    }

    public Job byPid(int pid) {
        for (Job j : jobs) if (j.pid() == pid) return j;
        return null;
    }

    /** The current job (%+): the most recent one; {@code previous}: the one before it (%-). */
    public Job current() { return jobs.isEmpty() ? null : jobs.get(jobs.size() - 1); }

    public Job previous() { return jobs.size() < 2 ? null : jobs.get(jobs.size() - 2); }

    public void remove(Job j) { jobs.remove(j); }

    /** notify_and_cleanup(): drops the jobs that have ended, reporting deaths by unusual signals. */
    public void cleanup(PrintStream err) {
        for (Job j : new ArrayList<>(jobs)) {
            if (!j.task.done()) continue;
            jobs.remove(j);
            int st = j.task.exitStatus();
            String desc = st > 128 ? Signals.description(st - 128) : null;
            if (desc != null) {
                err.print("bash: line 1: " + j.pid() + " " + pad(desc) + stripAmp(j.text) + "\n");
                err.flush();
            }
        }
    }

    /** Ends every job (the end of a script: the recorder kills what is still running). */
    public void killAll(dev.nsnet.kernel.core.ProcessScheduler ps) {
        for (Job j : jobs) ps.kill(j.task, Task.SIGKILL);
        jobs.clear();
    }

    static String pad(String state) {
        StringBuilder sb = new StringBuilder(state);
        while (sb.length() < 24) sb.append(' ');
        return sb.toString();
    }

    static String stripAmp(String text) {
        String t = text.strip();
        if (t.endsWith("&")) t = t.substring(0, t.length() - 1).strip();
        return t;
    }
}
