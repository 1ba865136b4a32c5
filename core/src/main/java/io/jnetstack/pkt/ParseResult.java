package io.jnetstack.pkt;

/** The outcome of {@link Parser#tryParse}: a script, or the first error in it. Never thrown. */
public sealed interface ParseResult {

    /** A script that parsed. */
    record Ok(Script script) implements ParseResult {}

    /** A script that did not parse. */
    record Failed(ParseError error) implements ParseResult {}

    /** True when this is an {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }
}
