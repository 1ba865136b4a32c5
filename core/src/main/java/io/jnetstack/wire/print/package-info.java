/**
 * One-line, tcpdump-style descriptions of frames and datagrams, for traces and tests. Never throws: bytes that do
 * not parse are described with the parser's reason.
 *
 * <p>May depend on: the other wire packages. Must not: depend on anything outside wire.
 */
package io.jnetstack.wire.print;
