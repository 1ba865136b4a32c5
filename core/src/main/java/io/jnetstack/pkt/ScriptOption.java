package io.jnetstack.pkt;

import java.util.Optional;

/**
 * A command-line option given at the top of a script, e.g. {@code --tolerance_usecs=150000}.
 *
 * @param position where the option starts
 * @param name the name without the leading dashes ({@code tolerance_usecs})
 * @param value the text after {@code =} (quotes removed from a quoted value), empty for a bare flag
 */
public record ScriptOption(Position position, String name, Optional<String> value) {}
