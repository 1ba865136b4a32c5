/**
 * The {@code jns} command: parses flags and calls into the layers below. Contains no logic worth testing
 * elsewhere; bad input ends with one line on stderr and exit status 2.
 */
package io.jnetstack.cli;
