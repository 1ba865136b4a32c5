package io.jnetstack.pkt;

/**
 * Why a script could not be parsed, and where.
 *
 * @param fileName the script's name as given to the parser
 * @param line the 1-based line of the offending text
 * @param column the 1-based column of the offending text
 * @param message what was expected and what was found there
 */
public record ParseError(String fileName, int line, int column, String message) {
    /** The conventional one-line form, {@code file:line:column: message}. */
    @Override
    public String toString() {
        return fileName + ":" + line + ":" + column + ": " + message;
    }
}
