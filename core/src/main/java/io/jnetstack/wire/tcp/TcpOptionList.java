package io.jnetstack.wire.tcp;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The immutable option list a {@link TcpHeader} holds, which knows its wire length: computed once when the header
 * is built instead of on every {@link TcpHeader#headerLength()} call (a per-segment cost on the hot path). Equal to
 * any {@link List} with the same options in the same order.
 */
final class TcpOptionList extends AbstractList<TcpOption> implements RandomAccess {
    private static final TcpOptionList EMPTY = new TcpOptionList(new TcpOption[0], 0);

    private final TcpOption[] options;
    private final int wireLength;

    private TcpOptionList(TcpOption[] options, int wireLength) {
        this.options = options;
        this.wireLength = wireLength;
    }

    /** An immutable copy of {@code list} (null elements are refused, as {@link List#copyOf} does). */
    static TcpOptionList copyOf(List<TcpOption> list) {
        if (list instanceof TcpOptionList l) {
            return l;
        }
        if (list.isEmpty()) {
            return EMPTY;
        }
        TcpOption[] a = list.toArray(new TcpOption[0]);
        int n = 0;
        for (TcpOption o : a) {
            n += Objects.requireNonNull(o, "option").length();
        }
        return new TcpOptionList(a, n);
    }

    /** Bytes the options take on the wire, before padding. */
    int wireLength() {
        return wireLength;
    }

    @Override
    public TcpOption get(int index) {
        return options[index];
    }

    @Override
    public int size() {
        return options.length;
    }
}
