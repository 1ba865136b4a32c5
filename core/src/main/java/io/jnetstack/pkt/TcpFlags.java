package io.jnetstack.pkt;

/**
 * TCP flags as written in a script: {@code S}, {@code S.}, {@code .}, {@code P.}, {@code F.}, {@code R.},
 * {@code SEW}; {@code -} (no flags) is the empty text. Letters: F FIN, S SYN, R RST, P PSH, {@code .} ACK,
 * U URG, E ECE, W CWR (RFC 3168 §6.1), A AE (RFC 9768 AccECN).
 *
 * @param text the flag letters as written, without spaces
 */
public record TcpFlags(String text) {

    /** The letters a flag string may contain. */
    public static final String LETTERS = "FSRP.UEWA";

    /** Checks the letters. */
    public TcpFlags {
        for (int i = 0; i < text.length(); i++) {
            if (LETTERS.indexOf(text.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a TCP flag: '" + text.charAt(i) + "' in " + text);
            }
        }
    }

    /** True when the flag letter {@code letter} is present. */
    public boolean has(char letter) {
        return text.indexOf(letter) >= 0;
    }

    /** FIN. */
    public boolean fin() {
        return has('F');
    }

    /** SYN. */
    public boolean syn() {
        return has('S');
    }

    /** RST. */
    public boolean rst() {
        return has('R');
    }

    /** PSH. */
    public boolean psh() {
        return has('P');
    }

    /** ACK (written {@code .}). */
    public boolean ack() {
        return has('.');
    }

    /** URG. */
    public boolean urg() {
        return has('U');
    }

    /** ECE. */
    public boolean ece() {
        return has('E');
    }

    /** CWR. */
    public boolean cwr() {
        return has('W');
    }
}
