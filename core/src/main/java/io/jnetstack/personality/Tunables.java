package io.jnetstack.personality;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * One host's values of the TCP/IP tunables its OS exposes by name (FreeBSD's {@code net.inet.tcp.*} sysctls), for
 * the personality methods whose answer they change. Each tunable has the kernel's default and the set of values
 * jnetstack models; setting any other value is refused as not modelled rather than silently ignored.
 */
public final class Tunables {
    /**
     * A tunable.
     *
     * @param name the sysctl name
     * @param defaultValue the kernel's default
     * @param modelled the values whose behaviour jnetstack reproduces
     * @param doc what it changes and where the kernel reads it
     */
    public record Spec(String name, long defaultValue, LongPredicate modelled, String doc) {}

    private final List<Spec> specs;
    private final TreeMap<String, Long> values = new TreeMap<>();
    private final TreeMap<String, Long> changes = new TreeMap<>();

    /** Tunables at their defaults. */
    public Tunables(List<Spec> specs) {
        this.specs = List.copyOf(specs);
        for (Spec s : specs) {
            values.put(s.name(), s.defaultValue());
        }
    }

    /** No tunables. */
    public static Tunables none() {
        return new Tunables(List.of());
    }

    /** The tunables, in declaration order. */
    public List<Spec> specs() {
        return specs;
    }

    /** The current value of {@code name}. */
    public long get(String name) {
        Long v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no tunable " + name);
        }
        return v;
    }

    /** Whether {@code name} is a tunable here. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Whether jnetstack models {@code name} at {@code value}. */
    public boolean models(String name, long value) {
        for (Spec s : specs) {
            if (s.name().equals(name)) {
                return s.modelled().test(value);
            }
        }
        return false;
    }

    /** Sets {@code name}; the caller has checked {@link #models}. */
    public void set(String name, long value) {
        if (!models(name, value)) {
            throw new IllegalArgumentException(name + "=" + value + " is not modelled");
        }
        Long old = values.put(name, value);
        if (old == null || old != value) {
            changes.merge(name, 1L, Long::sum);
        }
    }

    /** How many times {@code name}'s value has changed (0 while at its default): lets state tied to it reset. */
    public long changes(String name) {
        return changes.getOrDefault(name, 0L);
    }

    /** Convenience for building spec lists. */
    public static List<Spec> list(Spec... specs) {
        return new ArrayList<>(List.of(specs));
    }
}
