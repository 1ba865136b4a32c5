package io.jnetstack.wire;

import java.util.function.Function;

/**
 * The outcome of a parse: a value, or a typed reason it was rejected. Parsers never throw on bad input.
 *
 * @param <T> the parsed value type
 */
public sealed interface Parsed<T> {

    /** A successful parse. */
    record Ok<T>(T value) implements Parsed<T> {}

    /** A rejected input, with the reason and a human-readable detail naming the offending field. */
    record Malformed<T>(MalformedReason reason, String detail) implements Parsed<T> {
        @Override
        public String toString() {
            return reason + ": " + detail;
        }
    }

    /** Creates a success. */
    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    /** Creates a rejection. */
    static <T> Parsed<T> malformed(MalformedReason reason, String detail) {
        return new Malformed<>(reason, detail);
    }

    /** True when this is an {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value; throws {@link IllegalStateException} on a rejection (for tests and after an isOk check). */
    default T orThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Malformed<T> m -> throw new IllegalStateException("malformed: " + m);
        };
    }

    /** Maps a success, passes a rejection through retyped. */
    default <U> Parsed<U> map(Function<? super T, ? extends U> f) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
            case Malformed<T> m -> new Malformed<>(m.reason(), m.detail());
        };
    }
}
