package io.jnetstack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Slices of a ByteString (borrowed views and payloads behind header room) behave as copies of their bytes. */
class ByteStringTest {
    @Test
    void borrowedSlice_equalsHashesAndCopiesAsItsBytes() {
        byte[] frame = {9, 9, 1, 2, 3, 9};
        ByteString view = ByteString.borrow(frame, 2, 3);
        ByteString copy = ByteString.copyOf(new byte[] {1, 2, 3});
        assertThat(view).isEqualTo(copy).hasSameHashCodeAs(copy);
        assertThat(view.length()).isEqualTo(3);
        assertThat(view.u8(2)).isEqualTo(3);
        assertThat(view.toByteArray()).containsExactly(1, 2, 3);
        assertThat(view.hex()).isEqualTo("010203");
        byte[] out = new byte[4];
        view.copyTo(out, 1);
        view.copyTo(1, out, 0, 1);
        assertThat(out).containsExactly(2, 1, 2, 3);
        assertThat(view.arrayWithRoom(2)).as("a borrowed view is not handed over").isNull();
    }

    @Test
    void borrowOutsideTheArray_isAProgrammingError() {
        assertThatThrownBy(() -> ByteString.borrow(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(ByteString.borrow(new byte[4], 4, 0)).isSameAs(ByteString.EMPTY);
    }

    @Test
    void payloadBehindRoom_givesItsArrayBackOnlyForThatRoom() {
        byte[] datagram = {0, 0, 0, 7, 8};
        ByteString payload = ByteString.wrapAfterRoom(datagram, 3);
        assertThat(payload).isEqualTo(ByteString.copyOf(new byte[] {7, 8}));
        assertThat(payload.arrayWithRoom(3)).isSameAs(datagram);
        assertThat(payload.arrayWithRoom(2)).isNull();
        assertThat(ByteString.copyOf(new byte[] {7, 8}).arrayWithRoom(0)).isNull();
    }
}
