package io.jnetstack.matrix;

import java.util.function.Function;

/**
 * One catalogue row: its id (A1, C4, …), what it sets up and calls (as the catalogue says), and the body that does
 * it on a {@link Bench} and returns the row's result ({@code 0}, {@code -1 ERRNO} or a value; several calls are
 * joined with {@code ", "}).
 *
 * @param id    the catalogue's row id
 * @param setup the catalogue's setup column, shortened
 * @param call  the call whose result the row reports
 * @param body  runs the row; must not throw
 */
public record Scenario(String id, String setup, String call, Function<Bench, String> body) {}
