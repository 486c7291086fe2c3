package se.planpuls.domain.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule that "depends on" never closes a loop: a new edge from {@code a} to {@code b} is refused
 * when {@code b} already depends, through any chain, on {@code a}. The same rule for one edge added
 * through the API (by id) and for a whole file's edges in an import (by code).
 */
public final class DependencyCycles {
    private DependencyCycles() {
    }

    /**
     * The shortest chain of "depends on" edges from {@code from} to {@code to} (both included), if
     * any, where {@code upstream} maps each item to those it depends on.
     */
    public static <T> Optional<List<T>> path(Map<T, List<T>> upstream, T from, T to) {
        Map<T, T> parent = new HashMap<>();
        parent.put(from, from);
        var queue = new ArrayDeque<T>(List.of(from));
        while (!queue.isEmpty()) {
            T current = queue.poll();
            if (current.equals(to)) {
                List<T> chain = new ArrayList<>();
                for (T at = to; !at.equals(from); at = parent.get(at)) {
                    chain.add(at);
                }
                chain.add(from);
                Collections.reverse(chain);
                return Optional.of(chain);
            }
            for (T next : upstream.getOrDefault(current, List.of())) {
                if (parent.putIfAbsent(next, current) == null) {
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The loop that adding "{@code item} depends on {@code prerequisite}" would close, as the chain
     * {@code item → prerequisite → … → item}, or empty when the edge is safe.
     */
    public static <T> Optional<List<T>> closedBy(Map<T, List<T>> upstream, T item, T prerequisite) {
        return path(upstream, prerequisite, item).map(chain -> {
            List<T> loop = new ArrayList<>();
            loop.add(item);
            loop.addAll(chain);
            return loop;
        });
    }

    /** Words for a loop: {@code A → B → A (→ means "depends on")}. */
    public static String describe(List<?> loop) {
        return String.join(" → ", loop.stream().map(String::valueOf).toList()) + " (→ means \"depends on\")";
    }
}
