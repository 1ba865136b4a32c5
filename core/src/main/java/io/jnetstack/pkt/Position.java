package io.jnetstack.pkt;

/**
 * A place in a script: 1-based line and column (a tab counts as one column).
 *
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record Position(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
