package io.jnetstack.personality.abi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * One OS's errno numbers and its C library's {@code strerror} texts. Immutable. An {@link Errno} the OS does not define
 * has no number and no text here: lookups return empty, never a made-up value.
 *
 * <p>Two symbols may share a number only when the OS's header says so (an alias, e.g. Linux
 * {@code #define ENOTSUP EOPNOTSUPP}); a number then maps back to the canonical symbol.
 */
public final class ErrnoTable {
    private final String os;
    private final String unknownPrefix;
    private final Map<Errno, Integer> numbers;
    private final Map<Errno, String> texts;
    private final Map<Errno, Errno> aliases;
    private final Map<Integer, Errno> byNumber;

    private ErrnoTable(Builder b) {
        this.os = b.os;
        this.unknownPrefix = b.unknownPrefix;
        this.numbers = Collections.unmodifiableMap(new EnumMap<>(b.numbers));
        this.texts = Collections.unmodifiableMap(new EnumMap<>(b.texts));
        this.aliases = Collections.unmodifiableMap(new EnumMap<>(b.aliases));
        this.byNumber = Collections.unmodifiableMap(new TreeMap<>(b.byNumber));
    }

    /** The OS this table describes ("linux", "freebsd", "openbsd", "macos"). */
    public String os() {
        return os;
    }

    /** The number this OS gives {@code e}, or empty when the OS does not define it. */
    public OptionalInt number(Errno e) {
        Integer n = numbers.get(e);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** Whether this OS defines {@code e}. */
    public boolean defines(Errno e) {
        return numbers.containsKey(e);
    }

    /** The symbol for {@code number}; for a number two symbols share, the canonical one (see {@link #aliasOf}). */
    public Optional<Errno> errnoOf(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** The text this OS's {@code strerror} prints for {@code e}, or empty when the OS does not define it. */
    public Optional<String> strerror(Errno e) {
        return Optional.ofNullable(texts.get(e));
    }

    /**
     * What this OS's {@code strerror(number)} prints, including the text for numbers it does not know (glibc
     * "Unknown error 200", the BSD libcs "Unknown error: 200").
     */
    public String strerror(int number) {
        Errno e = byNumber.get(number);
        return e == null ? unknownPrefix + number : texts.get(e);
    }

    /** When {@code e} is a header alias of another symbol (the same number), that symbol; otherwise empty. */
    public Optional<Errno> aliasOf(Errno e) {
        return Optional.ofNullable(aliases.get(e));
    }

    /** Every symbol this OS defines, in {@link Errno} order. */
    public Set<Errno> defined() {
        return numbers.keySet();
    }

    /** Starts a table for {@code os} whose strerror prints {@code unknownPrefix + n} for numbers it does not know. */
    static Builder builder(String os, String unknownPrefix) {
        return new Builder(os, unknownPrefix);
    }

    /** Collects one OS's entries; rejects a number used twice unless declared as an alias. */
    static final class Builder {
        private final String os;
        private final String unknownPrefix;
        private final Map<Errno, Integer> numbers = new EnumMap<>(Errno.class);
        private final Map<Errno, String> texts = new EnumMap<>(Errno.class);
        private final Map<Errno, Errno> aliases = new EnumMap<>(Errno.class);
        private final Map<Integer, Errno> byNumber = new TreeMap<>();

        private Builder(String os, String unknownPrefix) {
            this.os = os;
            this.unknownPrefix = unknownPrefix;
        }

        /** Adds {@code e} with its number and strerror text. */
        Builder put(Errno e, int number, String text) {
            if (numbers.containsKey(e) || byNumber.containsKey(number)) {
                throw new IllegalStateException(os + ": " + e + " = " + number + " is already taken");
            }
            numbers.put(e, number);
            texts.put(e, text);
            byNumber.put(number, e);
            return this;
        }

        /** Adds {@code alias} with the number and text of the already added {@code canonical}. */
        Builder alias(Errno alias, Errno canonical) {
            Integer n = numbers.get(canonical);
            if (n == null || numbers.containsKey(alias)) {
                throw new IllegalStateException(os + ": cannot alias " + alias + " to " + canonical);
            }
            numbers.put(alias, n);
            texts.put(alias, texts.get(canonical));
            aliases.put(alias, canonical);
            return this;
        }

        /** The finished, immutable table. */
        ErrnoTable build() {
            return new ErrnoTable(this);
        }
    }
}
