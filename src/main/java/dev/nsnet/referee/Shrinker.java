package dev.nsnet.referee;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin, complement variant) over a list: finds a smaller list, keeping
 * the items that may not be removed, for which the oracle still holds. The oracle is expensive (a
 * run on the real kernel), so the number of calls is bounded; the result is then the smallest
 * list found so far.
 */
public final class Shrinker {
    private Shrinker() { }

    /** What a shrink found, and how many oracle calls it took. */
    public record Result<T>(List<T> items, int calls) { }

    public static <T> Result<T> shrink(List<T> items, Predicate<T> removable, Predicate<List<T>> oracle, int budget) {
        List<Integer> keep = new ArrayList<>(); // indices that may go
        for (int i = 0; i < items.size(); i++) if (removable.test(items.get(i))) keep.add(i);
        int calls = 0;
        int n = 2;
        while (keep.size() >= 1 && calls < budget) {
            int size = keep.size();
            n = Math.min(n, size);
            boolean reduced = false;
            for (int c = 0; c < n && calls < budget; c++) {
                int from = c * size / n, to = (c + 1) * size / n;
                List<Integer> rest = new ArrayList<>(keep.subList(0, from));
                rest.addAll(keep.subList(to, size));
                calls++;
                if (oracle.test(select(items, removable, rest))) {
                    keep = rest;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= size) break;
                n = Math.min(size, 2 * n);
            }
        }
        return new Result<>(select(items, removable, keep), calls);
    }

    private static <T> List<T> select(List<T> items, Predicate<T> removable, List<Integer> kept) {
        List<T> out = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < items.size(); i++) {
            boolean isKept = k < kept.size() && kept.get(k) == i;
            if (isKept) k++;
            if (isKept || !removable.test(items.get(i))) out.add(items.get(i));
        }
        return out;
    }
}
