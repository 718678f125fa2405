package dev.nsnet.tools.jobs;

/** Resolves bash's job specifications: {@code %N}, {@code %%}, {@code %+}, {@code %-}. */
final class JobSpec {
    private JobSpec() { }

    /** The job {@code spec} (starting with %) names, or null when there is none. */
    static JobTable.Job resolve(JobTable table, String spec) {
        if (table == null) return null;
        String s = spec.substring(1);
        if (s.isEmpty() || s.equals("%") || s.equals("+")) return table.current();
        if (s.equals("-")) return table.previous();
        if (s.chars().allMatch(Character::isDigit) && s.length() < 10) return table.byNumber(Integer.parseInt(s));
        // %string: the job whose command starts with string (one match only, as bash requires)
        JobTable.Job found = null;
        for (JobTable.Job j : table.jobs()) {
            if (j.text().startsWith(s)) {
                if (found != null) return null;
                found = j;
            }
        }
        return found;
    }
}
