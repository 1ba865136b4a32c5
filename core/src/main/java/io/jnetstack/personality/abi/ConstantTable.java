package io.jnetstack.personality.abi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * One OS's values for the {@link AbiConstant}s. Immutable. A constant the OS does not define has no value: lookups
 * return empty, never a made-up number.
 */
public final class ConstantTable {
    private final String os;
    private final Map<AbiConstant, Integer> values;
    private final Map<AbiConstant, AbiConstant> aliases;
    private final Map<AbiConstant.Kind, Map<Integer, AbiConstant>> byValue;

    private ConstantTable(Builder b) {
        this.os = b.os;
        this.values = Collections.unmodifiableMap(new EnumMap<>(b.values));
        this.aliases = Collections.unmodifiableMap(new EnumMap<>(b.aliases));
        Map<AbiConstant.Kind, Map<Integer, AbiConstant>> index = new EnumMap<>(AbiConstant.Kind.class);
        b.byValue.forEach((k, m) -> index.put(k, Collections.unmodifiableMap(new TreeMap<>(m))));
        this.byValue = Collections.unmodifiableMap(index);
    }

    /** The OS this table describes. */
    public String os() {
        return os;
    }

    /** The value of {@code c} on this OS, or empty when the OS does not define it. */
    public OptionalInt value(AbiConstant c) {
        Integer v = values.get(c);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** Whether this OS defines {@code c}. */
    public boolean defines(AbiConstant c) {
        return values.containsKey(c);
    }

    /** The constant of {@code kind} whose value is {@code value}; for a header alias, the canonical constant. */
    public Optional<AbiConstant> lookup(AbiConstant.Kind kind, int value) {
        Map<Integer, AbiConstant> m = byValue.get(kind);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(value));
    }

    /** When {@code c} is defined as another constant (e.g. BSD {@code POLLWRNORM} is {@code POLLOUT}), that one. */
    public Optional<AbiConstant> aliasOf(AbiConstant c) {
        return Optional.ofNullable(aliases.get(c));
    }

    /** Every constant this OS defines, in {@link AbiConstant} order. */
    public Set<AbiConstant> defined() {
        return values.keySet();
    }

    /**
     * Splits {@code bits} of a flag kind into the canonical constants it contains and the bits no constant of that
     * kind on this OS names (which a system call typically rejects with EINVAL, or ignores, per OS).
     */
    public Flags decodeFlags(AbiConstant.Kind kind, int bits) {
        if (!kind.isFlags()) {
            throw new IllegalArgumentException(kind + " is not a flag kind");
        }
        Set<AbiConstant> known = EnumSet.noneOf(AbiConstant.class);
        int rest = bits;
        for (Map.Entry<Integer, AbiConstant> e : byValue.getOrDefault(kind, Map.of()).entrySet()) {
            int v = e.getKey();
            if (v != 0 && (bits & v) == v) {
                known.add(e.getValue());
                rest &= ~v;
            }
        }
        return new Flags(Collections.unmodifiableSet(known), rest);
    }

    /** ORs the values of {@code flags}; a constant this OS does not define is a programmer error. */
    public int encodeFlags(Set<AbiConstant> flags) {
        int bits = 0;
        for (AbiConstant c : flags) {
            Integer v = values.get(c);
            if (v == null || !c.kind().isFlags()) {
                throw new IllegalArgumentException(os + " has no flag " + c);
            }
            bits |= v;
        }
        return bits;
    }

    /** The result of {@link #decodeFlags}: the named flags and the leftover bits. */
    public record Flags(Set<AbiConstant> known, int unknownBits) {}

    /** Starts a table for {@code os}. */
    static Builder builder(String os) {
        return new Builder(os);
    }

    /** Collects one OS's values; rejects a value used twice in one kind unless declared as an alias. */
    static final class Builder {
        private final String os;
        private final Map<AbiConstant, Integer> values = new EnumMap<>(AbiConstant.class);
        private final Map<AbiConstant, AbiConstant> aliases = new EnumMap<>(AbiConstant.class);
        private final Map<AbiConstant.Kind, Map<Integer, AbiConstant>> byValue = new EnumMap<>(AbiConstant.Kind.class);

        private Builder(String os) {
            this.os = os;
        }

        /** Adds {@code c = value}. */
        Builder put(AbiConstant c, int value) {
            Map<Integer, AbiConstant> m = byValue.computeIfAbsent(c.kind(), k -> new TreeMap<>());
            if (values.containsKey(c) || m.containsKey(value)) {
                throw new IllegalStateException(os + ": " + c + " = " + value + " is already taken");
            }
            values.put(c, value);
            m.put(value, c);
            return this;
        }

        /** Adds {@code alias} with the value of the already added {@code canonical} (same kind). */
        Builder alias(AbiConstant alias, AbiConstant canonical) {
            Integer v = values.get(canonical);
            if (v == null || values.containsKey(alias) || alias.kind() != canonical.kind()) {
                throw new IllegalStateException(os + ": cannot alias " + alias + " to " + canonical);
            }
            values.put(alias, v);
            aliases.put(alias, canonical);
            return this;
        }

        /** The finished, immutable table. */
        ConstantTable build() {
            return new ConstantTable(this);
        }
    }
}
