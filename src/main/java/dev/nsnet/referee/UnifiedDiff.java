package dev.nsnet.referee;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) of two short texts, every line shown: " ", "-" or "+". */
public final class UnifiedDiff {
    private UnifiedDiff() { }

    public static List<String> lines(String a, String b) {
        List<String> x = a.lines().toList(), y = b.lines().toList();
        int n = x.size(), m = y.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                out.add(" " + x.get(i++));
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("-" + x.get(i++));
            } else {
                out.add("+" + y.get(j++));
            }
        }
        return out;
    }
}
